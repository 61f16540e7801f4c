using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>APW001: the requested user is not in the snapshot, or is listed in <c>missingUsers</c>.</summary>
internal sealed class UserPresenceRule : CatalogRule
{
    public override string Id => "user-presence";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.UserNotFound];

    public override bool NeedsUser => false;

    public override void Evaluate(ref RuleContext context)
    {
        if (context.User is not null)
        {
            return;
        }

        context.Report(DiagnosticCodes.UserNotFound, (context.Snapshot.MissingUsers, context.RequestedUser), static s =>
        {
            var (missing, requested) = s;
            int listed = -1;
            for (int i = 0; i < missing.Count; i++)
            {
                if (string.Equals(missing[i], requested, StringComparison.OrdinalIgnoreCase))
                {
                    listed = i;
                    break;
                }
            }

            var evidence = listed >= 0
                ? new Evidence(JsonPointer.Build("missingUsers", listed), EvidenceValues.String(missing[listed]), "the user in users")
                : new Evidence("/users", null, $"an entry whose id or userPrincipalName is {requested}");
            string why = listed >= 0
                ? "The capture asked Microsoft Graph for this user and the tenant answered that no such user exists."
                : "The snapshot has no entry for this user (it was not captured, or the name is mistyped).";
            return new FindingText(
                $"User {requested} is not in the snapshot",
                $"{why} Check the user principal name, then capture the snapshot again including {requested}.",
                [evidence]);
        });
    }
}
