using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Snapshots.Writing;

/// <summary>
/// Replaces personal data in a snapshot with stable pseudonyms so that it can be shared with support:
/// user principal names and mail addresses (<c>user-3f9a0c21d4e8b571@domain-8e1b7a90c2f4d036.example</c>), display and given
/// names (also where free text mentions a user by name), phone numbers, and the tenant's domain names and their
/// subdomains (consistently, so a UPN still matches its domain), Exchange Online authentication policy names
/// (consistently, so a mailbox still names the policy in the list), and in the sign-in evidence of catalog v1.2
/// (<c>signIns</c>, <c>conditionalAccessEvaluation</c>) IP addresses (as documentation addresses: 192.0.2.0/24,
/// 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), cities, states and device names.
/// Object ids, policy settings and every other value the diagnosis reads are kept, so a redacted snapshot gives
/// the same verdict. The same input and key always give the same pseudonym.
/// </summary>
/// <remarks>
/// Pseudonyms are HMAC-SHA256 of the lower-cased value. The default key is derived from the tenant id, so anyone who
/// knows the tenant id and guesses a UPN can confirm the guess; pass your own key for stronger protection.
/// </remarks>
internal static partial class SnapshotRedactor
{
    private static readonly HashSet<string> AddressProperties = new(StringComparer.Ordinal)
    {
        "userPrincipalName", "mail", "emailAddress", "otherMails", "proxyAddresses", "onPremisesUserPrincipalName", "imAddresses",
    };

    /// <summary>Properties that hold a domain name (of the tenant or of its on-premises directory).</summary>
    private static readonly HashSet<string> DomainProperties = new(StringComparer.Ordinal)
    {
        "onPremisesDomainName",
    };

    /// <summary>The properties of a user object that hold the person's names.</summary>
    private static readonly string[] PersonNameProperties = ["displayName", "givenName", "surname"];

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

        // Users' names, so that free text that mentions them ("Accounts used by Alice Wilber") is redacted too.
        if (root["users"] is JsonArray users)
        {
            foreach (var entry in users)
            {
                if (entry?["user"] is JsonObject user)
                {
                    foreach (string property in PersonNameProperties)
                    {
                        if (user[property] is JsonValue value && value.TryGetValue(out string? name))
                        {
                            pseudonyms.KnowPersonName(name);
                        }
                    }
                }
            }
        }

        if (root["sections"]?["exchangeOnline"]?["value"] is JsonObject exchange)
        {
            RedactExchangeOnline(exchange, pseudonyms);
        }

        // Catalog v1.2: where and from what the user signed in. Ids, codes, results and country codes stay.
        var done = new HashSet<JsonNode>(ReferenceEqualityComparer.Instance);
        if (root["users"] is JsonArray entries)
        {
            RedactSignInEvidence(entries, pseudonyms, done);
        }

        Walk(root, pseudonyms, done);
        byte[] bytes = Encoding.UTF8.GetBytes(root.ToJsonString());
        return RedactedReader.Read(bytes);
    }

    /// <summary>
    /// Authentication policy names are tenant text: each becomes the same pseudonym wherever it stands (the policy list,
    /// the organisation's default, each mailbox's own policy), so which policy applies to whom survives. Mailbox keys are
    /// user object ids and the switches are booleans: both kept.
    /// </summary>
    private static void RedactExchangeOnline(JsonObject exchange, Pseudonyms pseudonyms)
    {
        static void Rename(JsonObject? obj, string property, Pseudonyms pseudonyms)
        {
            if (obj?[property] is JsonValue value && value.TryGetValue(out string? name))
            {
                obj[property] = pseudonyms.PolicyName(name);
            }
        }

        Rename(exchange, "defaultAuthenticationPolicy", pseudonyms);
        if (exchange["authenticationPolicies"] is JsonArray policies)
        {
            foreach (var policy in policies)
            {
                Rename(policy as JsonObject, "name", pseudonyms);
            }
        }

        if (exchange["users"] is JsonObject users)
        {
            foreach (var (_, mailbox) in users)
            {
                Rename(mailbox as JsonObject, "authenticationPolicy", pseudonyms);
            }
        }
    }

    /// <summary>
    /// The <c>signIns</c> and <c>conditionalAccessEvaluation</c> user sections: every IP address (a sign-in's
    /// <c>ipAddress</c>, a What-If request's <c>signInConditions.ipAddress</c>) becomes a documentation address, the
    /// same one for the same address wherever it stands (and in free text), distinct addresses staying distinct while
    /// the ranges last; a location's <c>city</c> and <c>state</c> and a device's <c>displayName</c> become pseudonyms;
    /// <c>geoCoordinates</c> become null. The objects finished here (<paramref name="done"/>) are not walked again.
    /// </summary>
    private static void RedactSignInEvidence(JsonArray users, Pseudonyms pseudonyms, HashSet<JsonNode> done)
    {
        var addresses = new List<JsonObject>();
        foreach (var entry in users)
        {
            if (entry?["sections"] is not JsonObject sections)
            {
                continue;
            }

            if (sections["signIns"]?["value"] is JsonArray signIns)
            {
                foreach (var signIn in signIns)
                {
                    if (signIn is not JsonObject signInObject)
                    {
                        continue;
                    }

                    addresses.Add(signInObject);
                    if (signInObject["location"] is JsonObject location)
                    {
                        RedactLocation(location, pseudonyms);
                    }

                    if (signInObject["deviceDetail"] is JsonObject device)
                    {
                        foreach (var (name, child) in device.ToArray())
                        {
                            if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                            {
                                string text = value.GetValue<string>();
                                device[name] = name == "displayName" ? pseudonyms.Place("Device", text) : pseudonyms.Sweep(text);
                            }
                        }

                        done.Add(device);
                    }
                }
            }

            if (sections["conditionalAccessEvaluation"]?["value"] is JsonArray evaluations)
            {
                foreach (var evaluation in evaluations)
                {
                    if (evaluation?["request"]?["signInConditions"] is JsonObject conditions)
                    {
                        addresses.Add(conditions);
                    }
                }
            }
        }

        // Documentation addresses already in the document stay as they are: map them first, so no other maps onto them.
        foreach (var owner in addresses)
        {
            if (owner["ipAddress"] is JsonValue value && value.TryGetValue(out string? text))
            {
                pseudonyms.KeepDocumentationAddress(text);
            }
        }

        foreach (var owner in addresses)
        {
            if (owner["ipAddress"] is JsonValue value && value.TryGetValue(out string? text))
            {
                owner["ipAddress"] = pseudonyms.IpAddress(text);
            }
        }
    }

    private static void RedactLocation(JsonObject location, Pseudonyms pseudonyms)
    {
        if (location["city"] is JsonValue city && city.TryGetValue(out string? cityName))
        {
            location["city"] = pseudonyms.Place("City", cityName);
        }

        if (location["state"] is JsonValue state && state.TryGetValue(out string? stateName))
        {
            location["state"] = pseudonyms.Place("State", stateName);
        }

        if (location["geoCoordinates"] is JsonObject coordinates)
        {
            foreach (var (name, _) in coordinates.ToArray())
            {
                coordinates[name] = null;
            }
        }
    }

    private static void Walk(JsonNode root, Pseudonyms pseudonyms, HashSet<JsonNode> done)
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
                        else if (child is not null && !done.Contains(child))
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

        if (DomainProperties.Contains(property))
        {
            return pseudonyms.Domain(text);
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

    /// <summary>IPv4 or IPv6 addresses in free text (only those met in an address field are replaced).</summary>
    [GeneratedRegex(@"(?<![0-9A-Fa-f:.])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Fa-f:.])", RegexOptions.CultureInvariant)]
    private static partial Regex IpPattern();

    private sealed class Pseudonyms
    {
        private static readonly string[] TenantSuffixes = [".onmicrosoft.com", ".onmicrosoft.us", ".partner.onmschina.cn"];
        private readonly byte[] key;
        private readonly Dictionary<string, string> domains = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>IP addresses and their documentation addresses; <see cref="usedAddresses"/> the addresses given out.</summary>
        private readonly Dictionary<string, string> ipAddresses = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> usedAddresses = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Users' names by their first word, longest first: looked up word by word in free text.</summary>
        private readonly Dictionary<string, List<string>> personNames = new(StringComparer.OrdinalIgnoreCase);

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

        /// <summary>Whether <paramref name="name"/> is a subdomain of a known domain (<c>corp.contoso.com</c>): as telling as the domain itself.</summary>
        private bool IsSubdomainOfKnown(string name)
        {
            for (int dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0 && dot < name.Length - 1; dot = name.IndexOf('.', dot + 1))
            {
                if (domains.ContainsKey(name[(dot + 1)..]))
                {
                    return true;
                }
            }

            return false;
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

        /// <summary>An Exchange authentication policy name (compared case-insensitively, as the hash is); a pseudonym stays as it is.</summary>
        public string PolicyName(string name) => IsPolicyPseudonym(name) ? name : "AuthPolicy-" + Hash("authenticationPolicy", name);

        private static bool IsPolicyPseudonym(string name) =>
            name.Length == 27 && name.StartsWith("AuthPolicy-", StringComparison.Ordinal) && name.Skip(11).All(char.IsAsciiHexDigitLower);

        /// <summary>A city, state or device name: <c>City-</c>, <c>State-</c>, <c>Device-</c> and a hash; a pseudonym or an empty value stays.</summary>
        public string Place(string kind, string name)
        {
            if (name.Length == 0 || IsPseudonym(name, kind + "-"))
            {
                return name;
            }

            return kind + "-" + Hash(kind.ToLowerInvariant(), name);
        }

        private static bool IsPseudonym(string name, string prefix) =>
            name.Length == prefix.Length + 16 && name.StartsWith(prefix, StringComparison.Ordinal) && name.Skip(prefix.Length).All(char.IsAsciiHexDigitLower);

        /// <summary>Remembers an address of the documentation ranges as its own pseudonym (it says nothing about anyone).</summary>
        public void KeepDocumentationAddress(string text)
        {
            if (IPAddress.TryParse(text, out var address) && IsDocumentation(address) && ipAddresses.TryAdd(text, text))
            {
                usedAddresses.Add(text);
            }
        }

        /// <summary>
        /// The documentation address for <paramref name="text"/>: IPv6 in 2001:db8::/32, anything else in the three IPv4
        /// documentation ranges, picked by the hash and, while free ones remain, never one already given to another value.
        /// An empty value stays empty.
        /// </summary>
        public string IpAddress(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            if (ipAddresses.TryGetValue(text, out var known))
            {
                return known;
            }

            byte[] mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("ip:" + text.ToLowerInvariant()));
            string pseudonym;
            if (IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                byte[] bytes = [0x20, 0x01, 0x0d, 0xb8, .. mac.AsSpan(0, 12)];
                pseudonym = new IPAddress(bytes).ToString();
            }
            else
            {
                // 3 ranges × 254 hosts; probe on from the hash's pick while another value holds it.
                const int Slots = 3 * 254;
                int start = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(mac) % Slots);
                pseudonym = Ipv4(start);
                for (int probe = 1; probe < Slots && usedAddresses.Contains(pseudonym); probe++)
                {
                    pseudonym = Ipv4((start + probe) % Slots);
                }
            }

            ipAddresses[text] = pseudonym;
            ipAddresses.TryAdd(pseudonym, pseudonym);
            usedAddresses.Add(pseudonym);
            return pseudonym;
        }

        private static string Ipv4(int slot) => (slot / 254) switch
        {
            0 => "192.0.2.",
            1 => "198.51.100.",
            _ => "203.0.113.",
        } + (1 + (slot % 254)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static bool IsDocumentation(IPAddress address)
        {
            Span<byte> bytes = stackalloc byte[16];
            if (!address.TryWriteBytes(bytes, out int length))
            {
                return false;
            }

            return length == 4
                ? (bytes[0], bytes[1], bytes[2]) is (192, 0, 2) or (198, 51, 100) or (203, 0, 113)
                : bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8;
        }

        public string Phone(string phone)
        {
            string digits = string.Concat(Hash("phone", phone).Select(c => (char)('0' + (c % 10))));
            return "+0 " + digits[..10];
        }

        /// <summary>Remembers a user's name, so that <see cref="Sweep"/> finds it in free text.</summary>
        public void KnowPersonName(string name)
        {
            name = name.Trim();
            int firstWord = WordEnd(name, 0);
            if (name.Length < 2 || firstWord == 0)
            {
                return;
            }

            if (!personNames.TryGetValue(name[..firstWord], out var names))
            {
                personNames[name[..firstWord]] = names = [];
            }

            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
                names.Sort((a, b) => b.Length.CompareTo(a.Length));
            }
        }

        public string Sweep(string text)
        {
            if (text.Contains('@', StringComparison.Ordinal))
            {
                text = AddressPattern().Replace(text, m => Address(m.Value));
            }

            if (domains.Count > 0 && text.Contains('.', StringComparison.Ordinal))
            {
                text = DomainPattern().Replace(text, m => domains.TryGetValue(m.Value, out var pseudonym) ? pseudonym
                    : IsSubdomainOfKnown(m.Value) ? Domain(m.Value)
                    : m.Value);
            }

            if (ipAddresses.Count > 0 && (text.Contains('.', StringComparison.Ordinal) || text.Contains(':', StringComparison.Ordinal)))
            {
                text = IpPattern().Replace(text, m => ipAddresses.TryGetValue(m.Value, out var pseudonym) ? pseudonym : m.Value);
            }

            // Names only in free text (with a space): a one-word value such as "Guest" or "All" may be a setting the
            // diagnosis reads, and a user who happens to be called that must not change it.
            return personNames.Count > 0 && text.Contains(' ', StringComparison.Ordinal) ? SweepNames(text) : text;
        }

        /// <summary>Replaces every known user name that stands as whole words in <paramref name="text"/>.</summary>
        private string SweepNames(string text)
        {
            StringBuilder? result = null;
            int copied = 0;
            int at = 0;
            while (at < text.Length)
            {
                int end = WordEnd(text, at);
                if (end == at || (at > 0 && char.IsLetterOrDigit(text[at - 1])))
                {
                    at = Math.Max(end, at + 1);
                    continue;
                }

                string? found = null;
                if (personNames.TryGetValue(text[at..end], out var names))
                {
                    found = names.Find(name => text.AsSpan(at).StartsWith(name, StringComparison.OrdinalIgnoreCase)
                        && (at + name.Length == text.Length || !char.IsLetterOrDigit(text[at + name.Length])));
                }

                if (found is null)
                {
                    at = end;
                    continue;
                }

                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, at - copied).Append(Name(found));
                at += found.Length;
                copied = at;
            }

            return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
        }

        /// <summary>Where the word (letters and digits) that starts at <paramref name="start"/> ends.</summary>
        private static int WordEnd(string text, int start)
        {
            int end = start;
            while (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                end++;
            }

            return end;
        }

        private string Hash(string kind, string value)
        {
            byte[] mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + value.ToLowerInvariant()));
            return Convert.ToHexString(mac.AsSpan(0, 8)).ToLowerInvariant();
        }
    }
}
