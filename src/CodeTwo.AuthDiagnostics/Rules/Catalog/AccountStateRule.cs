using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW002 (disabled), APW003 (guest), APW041 (synced from on-premises).</summary>
internal sealed class AccountStateRule : CatalogRule
{
    private static readonly DiagnosticDescriptor Disabled = DiagnosticCatalog.AccountDisabled;
    private static readonly DiagnosticDescriptor Guest = DiagnosticCatalog.GuestAccount;
    private static readonly DiagnosticDescriptor Synced = DiagnosticCatalog.SyncedFromOnPremises;

    public override string Id => "account-state";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [Disabled, Guest, Synced];

    public override void Evaluate(RuleContext context)
    {
        var user = context.User!.User;
        int index = context.User.Index;
        if (user.AccountEnabled == false)
        {
            context.Report(
                DiagnosticCodes.AccountDisabled,
                () => new FindingText(
                    $"The account {user.UserPrincipalName} is disabled",
                    $"{user.UserPrincipalName} cannot sign in at all while accountEnabled is false: not to Security info to add an app password, and not with an app password." +
                    (user.OnPremisesSyncEnabled == true ? " The account is synchronized from on-premises Active Directory, so it must be enabled there." : " Enable the account."),
                    [new Evidence(JsonPointer.User(index, "user", "accountEnabled"), "false", "true")]));
        }

        if (user.UserType == UserType.Guest)
        {
            context.Report(
                DiagnosticCodes.GuestAccount,
                () => new FindingText(
                    $"{user.UserPrincipalName} is a B2B guest account",
                    $"{user.UserPrincipalName} is a guest: it authenticates in its home tenant, and Microsoft documents no way for a guest to create or use an app password in a resource tenant. The product must sign in with a member account of this tenant.",
                    [new Evidence(JsonPointer.User(index, "user", "userType"), EvidenceValues.String("Guest"), "\"Member\"")]));
        }

        if (user.OnPremisesSyncEnabled == true)
        {
            context.Report(
                DiagnosticCodes.SyncedFromOnPremises,
                () => new FindingText(
                    $"{user.UserPrincipalName} is synchronized from on-premises",
                    $"{user.UserPrincipalName} is synchronized from on-premises Active Directory: its account state (enabled, password) must be changed on premises, and disabling it can take up to three hours to stop its app passwords.",
                    [new Evidence(JsonPointer.User(index, "user", "onPremisesSyncEnabled"), "true", "informational")]));
        }
    }
}
