using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Snapshots.Writing;

/// <summary>
/// Replaces personal data in a snapshot with stable pseudonyms so that it can be shared with support:
/// user principal names and mail addresses (<c>user-3f9a0c21d4@domain-8e1b7a90c2.example</c>), display and given
/// names, phone numbers, and the tenant's domain names (consistently, so a UPN still matches its domain).
/// Object ids, policy settings and every other value the diagnosis reads are kept, so a redacted snapshot gives
/// the same verdict. The same input and key always give the same pseudonym.
/// </summary>
/// <remarks>
/// Pseudonyms are HMAC-SHA256 of the lower-cased value. The default key is derived from the tenant id, so anyone who
/// knows the tenant id and guesses a UPN can confirm the guess; pass your own key for stronger protection.
/// </remarks>
public static partial class SnapshotRedactor
{
    private static readonly HashSet<string> AddressProperties = new(StringComparer.Ordinal)
    {
        "userPrincipalName", "mail", "emailAddress", "otherMails", "proxyAddresses", "onPremisesUserPrincipalName", "imAddresses",
    };

    private static readonly HashSet<string> NameProperties = new(StringComparer.Ordinal)
    {
        "displayName", "givenName", "surname", "mailNickname", "onPremisesSamAccountName", "accountName", "userDisplayName", "deviceTag", "model", "phoneAppVersion",
    };

    /// <summary>
    /// Reads the redacted document back. The snapshot was read (or built) under limits that may be wider than the
    /// defaults, and redaction changes neither its depth nor, by much, its size: the widest limits apply.
    /// </summary>
    private static readonly SnapshotReader RedactedReader = new(new SnapshotReaderOptions { MaxDepth = 1000, MaxDocumentBytes = int.MaxValue });

    /// <summary>Returns a redacted copy of <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="key">The pseudonym key; <see langword="null"/> derives one from the tenant id.</param>
    public static TenantSnapshot Redact(TenantSnapshot snapshot, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var root = JsonNode.Parse(
            SnapshotWriter.ToUtf8Bytes(snapshot),
            documentOptions: new JsonDocumentOptions { MaxDepth = 1100 })!.AsObject();
        var pseudonyms = new Pseudonyms(key ?? "tenant:" + snapshot.TenantId.ToString("D"));

        // Domain names first, so every address that uses them maps consistently.
        if (root["sections"]?["domains"]?["value"] is JsonArray domains)
        {
            foreach (var domain in domains)
            {
                if (domain is JsonObject domainObject && domainObject["id"] is JsonValue id && id.TryGetValue(out string? name))
                {
                    domainObject["id"] = pseudonyms.Domain(name);
                }
            }
        }

        if (root["missingUsers"] is JsonArray missing)
        {
            for (int i = 0; i < missing.Count; i++)
            {
                if (missing[i] is JsonValue value && value.TryGetValue(out string? text))
                {
                    missing[i] = text.Contains('@', StringComparison.Ordinal) ? pseudonyms.Address(text) : text;
                }
            }
        }

        Walk(root, pseudonyms);
        byte[] bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        return RedactedReader.Read(bytes);
    }

    private static void Walk(JsonNode root, Pseudonyms pseudonyms)
    {
        var stack = new Stack<(JsonNode Node, string? Property, bool KeepNames)>();
        stack.Push((root, null, false));
        while (stack.Count > 0)
        {
            var (node, property, keepNames) = stack.Pop();
            switch (node)
            {
                case JsonObject obj:
                    bool keep = keepNames || IsNonPersonal(obj);
                    foreach (var (name, child) in obj.ToArray())
                    {
                        if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                        {
                            obj[name] = Replace(name, value.GetValue<string>(), keep, pseudonyms);
                        }
                        else if (child is not null)
                        {
                            bool keepChild = keep || name is "securityDefaults" or "authenticationMethodsPolicy" or "mfaServicePolicy" or "subscribedSkus";
                            stack.Push((child, name, keepChild));
                        }
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                        {
                            array[i] = Replace(property ?? string.Empty, value.GetValue<string>(), keepNames, pseudonyms);
                        }
                        else if (array[i] is { } child)
                        {
                            stack.Push((child, property, keepNames));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Directory roles keep their (Microsoft-given) names: they say nothing about a person.</summary>
    private static bool IsNonPersonal(JsonObject obj) =>
        obj["@odata.type"] is JsonValue type && type.TryGetValue(out string? odataType)
        && string.Equals(odataType, "#microsoft.graph.directoryRole", StringComparison.Ordinal);

    private static string Replace(string property, string text, bool keepNames, Pseudonyms pseudonyms)
    {
        if (AddressProperties.Contains(property))
        {
            return pseudonyms.Address(text);
        }

        if (NameProperties.Contains(property) && !keepNames)
        {
            return pseudonyms.Name(text);
        }

        if (property is "phoneNumber" or "phone" or "mobilePhone")
        {
            return pseudonyms.Phone(text);
        }

        // Free text (error messages, descriptions, …): addresses and known domain names anywhere in it.
        return pseudonyms.Sweep(text);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+#'\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    private sealed class Pseudonyms
    {
        private static readonly string[] TenantSuffixes = [".onmicrosoft.com", ".onmicrosoft.us", ".partner.onmschina.cn"];
        private readonly byte[] key;
        private readonly Dictionary<string, string> domains = new(StringComparer.OrdinalIgnoreCase);

        public Pseudonyms(string key) => this.key = Encoding.UTF8.GetBytes(key);

        public string Domain(string domain)
        {
            if (domains.TryGetValue(domain, out var known))
            {
                return known;
            }

            string pseudonym = domain;
            foreach (string suffix in TenantSuffixes)
            {
                if (domain.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    pseudonym = "tenant-" + Hash("domain", domain[..^suffix.Length]) + suffix;
                    break;
                }
            }

            if (ReferenceEquals(pseudonym, domain))
            {
                pseudonym = "domain-" + Hash("domain", domain) + ".example";
            }

            domains[domain] = pseudonym;
            domains[pseudonym] = pseudonym;
            return pseudonym;
        }

        public string Address(string address)
        {
            string prefix = string.Empty;
            int colon = address.IndexOf(':', StringComparison.Ordinal);
            if (colon is > 0 and < 6)
            {
                // proxyAddresses: "SMTP:alice@contoso.com"
                prefix = address[..(colon + 1)];
                address = address[(colon + 1)..];
            }

            int at = address.LastIndexOf('@');
            if (at < 0)
            {
                return prefix + Name(address);
            }

            string local = address[..at];
            string domain = address[(at + 1)..];
            if (local.StartsWith("user-", StringComparison.Ordinal) && domains.TryGetValue(domain, out var mapped) && string.Equals(mapped, domain, StringComparison.Ordinal))
            {
                return prefix + address;
            }

            string marker = local.EndsWith("#EXT#", StringComparison.OrdinalIgnoreCase) ? "#EXT#" : string.Empty;
            return prefix + "user-" + Hash("address", local) + marker + "@" + Domain(domain);
        }

        public string Name(string name) => name.Length == 0 ? name : "Name-" + Hash("name", name);

        public string Phone(string phone)
        {
            string digits = string.Concat(Hash("phone", phone).Select(c => (char)('0' + (c % 10))));
            return "+0 " + digits[..10];
        }

        public string Sweep(string text)
        {
            if (text.Contains('@', StringComparison.Ordinal))
            {
                text = AddressPattern().Replace(text, m => Address(m.Value));
            }

            if (domains.Count > 0 && text.Contains('.', StringComparison.Ordinal))
            {
                text = DomainPattern().Replace(text, m => domains.TryGetValue(m.Value, out var pseudonym) ? pseudonym : m.Value);
            }

            return text;
        }

        private string Hash(string kind, string value)
        {
            byte[] mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + value.ToLowerInvariant()));
            return Convert.ToHexString(mac.AsSpan(0, 5)).ToLowerInvariant();
        }
    }
}
