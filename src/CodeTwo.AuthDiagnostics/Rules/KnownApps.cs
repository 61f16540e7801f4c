using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics;

/// <summary>
/// Application ids and the literals Conditional Access uses in <c>includeApplications</c> / <c>excludeApplications</c>.
/// </summary>
public static class KnownApps
{
    /// <summary>Every resource (<c>All</c>).</summary>
    public const string All = "All";

    /// <summary>No resource (<c>None</c>).</summary>
    public const string None = "None";

    /// <summary>The Office 365 app group (<c>Office365</c>); it contains Exchange Online.</summary>
    public const string Office365 = "Office365";

    /// <summary>The Microsoft admin portals group (<c>MicrosoftAdminPortals</c>).</summary>
    public const string MicrosoftAdminPortals = "MicrosoftAdminPortals";

    /// <summary>Exchange Online: <c>00000002-0000-0ff1-ce00-000000000000</c>.</summary>
    public const string ExchangeOnline = "00000002-0000-0ff1-ce00-000000000000";

    /// <summary>SharePoint Online: <c>00000003-0000-0ff1-ce00-000000000000</c>.</summary>
    public const string SharePointOnline = "00000003-0000-0ff1-ce00-000000000000";

    /// <summary>Microsoft Graph: <c>00000003-0000-0000-c000-000000000000</c>.</summary>
    public const string MicrosoftGraph = "00000003-0000-0000-c000-000000000000";

    /// <summary>Microsoft Teams: <c>cc15fd57-2c6c-4117-a88c-83b1d56b4bbe</c>.</summary>
    public const string MicrosoftTeams = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";

    /// <summary>Windows Azure Service Management API: <c>797f4846-ba00-4fd7-ba43-dac1f8f63013</c>.</summary>
    public const string AzureServiceManagement = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
}
