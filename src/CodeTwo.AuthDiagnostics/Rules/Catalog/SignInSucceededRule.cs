using CodeTwo.AuthDiagnostics.Rules;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW075 (outcome stage, catalog v1.2 §3): the product's newest legacy sign-in over a declared protocol succeeded. It
/// changes no verdict; when a configuration usability blocker stands (APW010, APW020, APW021, APW060, APW063: they are not
/// per protocol, §5.9), its explanation says that the sign-in succeeded at that time, so the setting changed after it or
/// the product signs in another way.
/// </summary>
internal sealed class SignInSucceededRule : CatalogRule
{
    private static readonly string[] ConfigurationBlockers =
    [
        DiagnosticCodes.SecurityDefaultsEnabled,
        DiagnosticCodes.LegacyAuthBlockedByConditionalAccess,
        DiagnosticCodes.ConditionalAccessGrantUnsatisfiableByLegacyClients,
        DiagnosticCodes.LegacyProtocolRetired,
        DiagnosticCodes.SmtpAuthDisabledForMailbox,
    ];

    public override string Id => "sign-in-succeeded";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.LegacySignInsSucceeded];

    public override RuleStage Stage => RuleStage.Outcome;

    public override void Evaluate(ref RuleContext context)
    {
        var entry = context.User!;
        Span<int> newest = stackalloc int[SignInLog.Groups];
        if (SignInLog.Observe(entry, context.Settings.LegacyProtocols, newest) is not { } signIns)
        {
            return;
        }

        string? blocker = null;
        foreach (string code in ConfigurationBlockers)
        {
            if (context.Blocks(code))
            {
                blocker = code;
                break;
            }
        }

        for (int g = -1; SignInLog.NextObservation(newest, ref g, out int index);)
        {
            if (signIns[index].ErrorCode != 0)
            {
                continue;
            }

            var state = new SignInLogRule.Observation(context.UserName, entry, signIns[index], SignInLog.GroupsOf(newest, index), context.Settings.LegacyProtocols == LegacyProtocols.None);
            context.ReportEvidenced(DiagnosticCodes.LegacySignInsSucceeded, (state, blocker), static s => Succeeded(s.state, s.blocker), Confidence.Observed);
        }
    }

    private static FindingText Succeeded(SignInLogRule.Observation o, string? blocker) => new(
        $"{o.Upn}'s last sign-in over {o.Protocols} succeeded",
        $"{o.Sentence} succeeded." +
            (blocker is null
                ? " The product's legacy sign-ins worked at that time."
                : $" Yet the configuration captured now blocks such sign-ins ({blocker}, above): the setting changed after that sign-in, or the product signs in another way (for example over a protocol that is not declared, or with modern authentication).") +
            o.DeclareHint,
        o.Evidence("0"));
}
