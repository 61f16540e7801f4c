using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Graph;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW002 (disabled, unless the plan enables it), APW003 (guest), APW041 (synced from on-premises).</summary>
internal sealed class AccountStateRule : CatalogRule
{
    public override string Id => "account-state";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.AccountDisabled, DiagnosticCatalog.GuestAccount, DiagnosticCatalog.SyncedFromOnPremises];

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        var user = entry.User;
        if (user.AccountEnabled == false && !context.Changes.AccountEnabled)
        {
            context.Report(DiagnosticCodes.AccountDisabled, entry, static entry => new FindingText(
                $"The account {entry.User.UserPrincipalName} is disabled",
                $"{entry.User.UserPrincipalName} cannot sign in at all while accountEnabled is false: not to Security info to add an app password, and not with an app password." +
                (entry.User.OnPremisesSyncEnabled == true ? " The account is synchronized from on-premises Active Directory, so it must be enabled there." : " Enable the account."),
                [new Evidence(JsonPointer.User(entry.Index, "user", "accountEnabled"), "false", "true")]));
        }

        if (user.UserType == UserType.Guest)
        {
            context.Report(DiagnosticCodes.GuestAccount, entry, static entry => new FindingText(
                $"{entry.User.UserPrincipalName} is a B2B guest account",
                $"{entry.User.UserPrincipalName} is a guest: it authenticates in its home tenant, and Microsoft documents no way for a guest to create or use an app password in a resource tenant. The product must sign in with a member account of this tenant.",
                [new Evidence(JsonPointer.User(entry.Index, "user", "userType"), EvidenceValues.String("Guest"), "\"Member\"")]));
        }

        if (user.OnPremisesSyncEnabled == true)
        {
            context.Report(DiagnosticCodes.SyncedFromOnPremises, entry, static entry => new FindingText(
                $"{entry.User.UserPrincipalName} is synchronized from on-premises",
                $"{entry.User.UserPrincipalName} is synchronized from on-premises Active Directory: its account state (enabled, password) must be changed on premises, and disabling it can take up to three hours to stop its app passwords.",
                [new Evidence(JsonPointer.User(entry.Index, "user", "onPremisesSyncEnabled"), "true", "informational")]));
        }
    }
}
