using System.Text.Json;
using CodeTwo.AuthDiagnostics.Snapshots.Exchange;

namespace CodeTwo.AuthDiagnostics.Snapshots.Reading;

/// <summary>
/// Maps the value of the <c>exchangeOnline</c> section (as the CLI's <c>exchange-script</c> writes it) to
/// <see cref="ExchangeOnlineSettings"/>. Types are strict: booleans are JSON booleans, <c>users</c> is an object keyed by
/// user object id. Every mismatch is recorded with its JSONPath; unknown properties are kept in the payloads.
/// </summary>
internal static class ExchangeOnlineSettingsReader
{
    /// <summary>Reads the section's value; the context is positioned on it.</summary>
    /// <param name="c">The read context (its path is the value's).</param>
    /// <param name="e">The value, a JSON object.</param>
    internal static ExchangeOnlineSettings Read(JsonReadContext c, JsonElement e)
    {
        bool disabled = c.Bool(e, "smtpClientAuthenticationDisabled", "the Exchange Online settings need smtpClientAuthenticationDisabled (Get-TransportConfig)") ?? false;
        string? defaultPolicy = PolicyName(c, e, "defaultAuthenticationPolicy");

        IReadOnlyList<ExchangeAuthenticationPolicy> policies = [];
        if (c.Array(e, "authenticationPolicies", out var policyArray))
        {
            using var scope = c.Enter("authenticationPolicies");
            policies = GraphPayloadReader.Items(c, policyArray, "an authentication policy with name and allowBasicAuthSmtp", Policy);
        }

        IReadOnlyList<ExchangeMailboxSettings> users = [];
        if (c.Object(e, "users", out var usersElement))
        {
            using var scope = c.Enter("users");
            users = Users(c, usersElement);
        }

        return new ExchangeOnlineSettings
        {
            Json = e,
            SmtpClientAuthenticationDisabled = disabled,
            DefaultAuthenticationPolicy = defaultPolicy,
            AuthenticationPolicies = policies,
            Users = users,
        };
    }

    private static ExchangeAuthenticationPolicy Policy(JsonReadContext c, JsonElement e, int index)
    {
        string? name = c.String(e, "name", "every authentication policy needs its name");
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            c.ErrorAt("name", JsonReadContext.Describe(name), "expected the policy's name, which is never empty");
        }

        return new ExchangeAuthenticationPolicy
        {
            Json = e,
            Index = index,
            Name = name ?? string.Empty,
            AllowBasicAuthSmtp = c.Bool(e, "allowBasicAuthSmtp", "every authentication policy needs allowBasicAuthSmtp (Get-AuthenticationPolicy)") ?? false,
        };
    }

    private static ExchangeMailboxSettings[] Users(JsonReadContext c, JsonElement obj)
    {
        var users = new List<ExchangeMailboxSettings>();
        int count = 0;
        foreach (var member in obj.EnumerateObject())
        {
            if (c.ErrorLimitReached)
            {
                c.StoppedAtLimit();
                break;
            }

            if ((count++ & 255) == 0)
            {
                c.Cancellation.ThrowIfCancellationRequested();
            }

            using var scope = c.Enter(member.Name);
            bool validKey = Guid.TryParseExact(member.Name, "D", out _);
            if (!validKey)
            {
                c.Error($"the member name \"{member.Name}\"", "expected a user's object id (a GUID such as 6f1c2a52-6b7e-4f4e-9a51-2f6f4f0d8a10) as the member name");
            }

            if (!c.ExpectObject(member.Value, "a mailbox's settings with smtpClientAuthenticationDisabled and authenticationPolicy"))
            {
                continue;
            }

            var mailbox = new ExchangeMailboxSettings
            {
                Json = member.Value,
                UserId = member.Name,
                SmtpClientAuthenticationDisabled = NullableBool(c, member.Value, "smtpClientAuthenticationDisabled"),
                AuthenticationPolicy = PolicyName(c, member.Value, "authenticationPolicy"),
            };
            if (validKey)
            {
                users.Add(mailbox);
            }
        }

        return users.ToArray();
    }

    /// <summary>A mailbox's switch: true, false, or null / missing (follows the tenant).</summary>
    private static bool? NullableBool(JsonReadContext c, JsonElement obj, string name)
    {
        if (!JsonReadContext.TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        c.ErrorAt(name, JsonReadContext.Describe(value), "expected true, false or null");
        return null;
    }

    /// <summary>A property naming an authentication policy: a non-empty string, or null / missing for none.</summary>
    private static string? PolicyName(JsonReadContext c, JsonElement obj, string name)
    {
        if (!JsonReadContext.TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            c.ErrorAt(name, JsonReadContext.Describe(value), "expected the name of an authentication policy, or null for none");
            return null;
        }

        return value.GetString();
    }
}
