using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// <c>redact --snapshot FILE --out FILE [--key KEY]</c>: writes a copy of a snapshot with personal data replaced by
/// stable pseudonyms, so that it can be sent to support. Never overwrites its input.
/// </summary>
internal static class RedactCommand
{
    public static Command Create(CliConsole console)
    {
        var snapshot = CommonOptions.Snapshot("The snapshot file to redact. It is read, never changed.");
        var output = new Option<string>("--out")
        {
            Description = "Where to write the redacted snapshot (replaced if it exists; never the --snapshot file itself).",
            HelpName = "FILE",
            Required = true,
        };
        var key = new Option<string?>("--key")
        {
            Description = "The secret that makes the pseudonyms. Default: derived from the tenant id, so anyone who knows "
                + "the tenant id can confirm a guessed UPN; pass your own key (and keep it) for stronger protection. "
                + "The same key always gives the same pseudonyms.",
            HelpName = "KEY",
        };
        var command = new Command(
            "redact",
            "Write a copy of a snapshot with user principal names, mail addresses, names, phone numbers and domain "
            + "names replaced by stable pseudonyms, to send to support. Object ids and policy settings are kept, so the "
            + "diagnosis stays the same.")
        {
            snapshot,
            output,
            key,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string input = parseResult.GetRequiredValue(snapshot);
            string destination = parseResult.GetRequiredValue(output);
            string? secret = parseResult.GetValue(key);
            if (secret is not null && string.IsNullOrWhiteSpace(secret))
            {
                throw new InvalidInputException("--key needs a non-empty secret; leave --key out to use the default key");
            }

            SnapshotFiles.RequireWritableFilePath(destination, "--out");
            if (SnapshotFiles.AreSameFile(input, destination))
            {
                throw new InvalidInputException($"refusing to write the redacted snapshot over its input '{input}'; choose another --out file");
            }

            var loaded = await SnapshotFiles.LoadAsync(input, cancellationToken);
            await SnapshotFiles.WriteAsync(loaded, destination, new SnapshotWriterOptions { Redact = true, RedactionKey = secret }, cancellationToken);

            string users = loaded.Contents.Users.Count == 1 ? "1 user" : $"{loaded.Contents.Users.Count} users";
            string keyNote = secret is null ? "default key derived from the tenant id" : "your --key";
            console.Error.WriteLine(ConsoleText.OneLine($"Wrote redacted snapshot '{destination}' ({users}; pseudonyms made with the {keyNote})."));
            return ExitCodes.Success;
        });
        return command;
    }
}
