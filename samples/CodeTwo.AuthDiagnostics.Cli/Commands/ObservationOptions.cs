using System.CommandLine;
using CodeTwo.AuthDiagnostics.Cli.Infrastructure;
using CodeTwo.AuthDiagnostics.Graph;

namespace CodeTwo.AuthDiagnostics.Cli.Commands;

/// <summary>
/// What a live capture observes besides the configuration (catalog v1.2): the sign-in log (<c>signIns</c>) and
/// Microsoft's What-If evaluation (<c>conditionalAccessEvaluation</c>). A capture of named users reads both; a
/// tenant-wide one reads the sign-in log and evaluates only with <c>--what-if</c>.
/// </summary>
internal sealed class ObservationOptions
{
    /// <summary>The permissions of what this adds, for the permission texts.</summary>
    public const string Permissions = "AuditLog.Read.All and Directory.Read.All (the sign-in log; the tenant also needs Entra ID P1/P2, "
        + "otherwise signIns is recorded as failed and the capture goes on; --no-sign-ins skips it), Policy.Read.ConditionalAccess "
        + "(Microsoft's What-If evaluation of Conditional Access; included in Policy.Read.All; --no-what-if skips it)";

    public Option<bool> WhatIf { get; } = new("--what-if")
    {
        Description = "With --all-users: also ask Microsoft's What-If evaluation of Conditional Access for every user (up to three "
            + "requests per user against the Conditional Access limit of one request per second per tenant: about 8 hours for "
            + "10,000 users). A capture of named users always evaluates, unless --no-what-if.",
    };

    public Option<bool> NoSignIns { get; } = new("--no-sign-ins")
    {
        Description = "Do not read the sign-in log (the user's legacy-protocol sign-ins of the last 7 days; needs AuditLog.Read.All, "
            + "Directory.Read.All and Entra ID P1/P2).",
    };

    public Option<bool> NoWhatIf { get; } = new("--no-what-if")
    {
        Description = "Do not ask Microsoft's What-If evaluation of Conditional Access (needs Policy.Read.ConditionalAccess).",
    };

    /// <summary>Adds the options; <paramref name="tenantWide"/> adds <c>--what-if</c> too (only capture --all-users has it).</summary>
    public void AddTo(Command command, bool tenantWide)
    {
        if (tenantWide)
        {
            command.Options.Add(WhatIf);
        }

        command.Options.Add(NoSignIns);
        command.Options.Add(NoWhatIf);
    }

    /// <summary>
    /// Sets what the capture reads, and the protocols and resource its What-If evaluations ask about (those of the
    /// diagnosis: <c>--legacy-protocol</c>, <c>--target-resource</c>).
    /// </summary>
    public void ApplyTo(ParseResult parseResult, MicrosoftGraphOptions options, AuthDiagnosticsOptions engine)
    {
        bool whatIf = parseResult.GetResult(WhatIf) is not null && parseResult.GetValue(WhatIf);
        bool noWhatIf = parseResult.GetValue(NoWhatIf);
        if (whatIf && noWhatIf)
        {
            throw new InvalidInputException("--what-if and --no-what-if contradict each other: give one");
        }

        var sections = UserSectionSelection.All;
        if (parseResult.GetValue(NoSignIns))
        {
            sections &= ~UserSectionSelection.SignIns;
        }

        if (noWhatIf)
        {
            sections &= ~UserSectionSelection.ConditionalAccessEvaluation;
        }

        options.UserSections = sections;
        options.TenantUserSections = whatIf ? sections : sections & ~UserSectionSelection.ConditionalAccessEvaluation;
        options.LegacyProtocols = engine.LegacyProtocols;
        options.TargetResourceAppId = engine.TargetResourceAppId;
    }
}
