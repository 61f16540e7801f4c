using CodeTwo.AuthDiagnostics.Diagnosis;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW060: Exchange Online retired Basic authentication for EWS, EAS, IMAP, POP and Remote PowerShell, which also
/// stops app passwords there. A usability blocker when the host declares one of those protocols; an advisory otherwise
/// (the descriptor carries the advisory grading).
/// </summary>
internal sealed class ExchangeBasicAuthRule : CatalogRule
{
    private const LegacyProtocols Retired = LegacyProtocols.Ews | LegacyProtocols.ExchangeActiveSync | LegacyProtocols.Imap | LegacyProtocols.Pop | LegacyProtocols.RemotePowerShell;
    private static readonly RuleDescriptor Retirement = Describe(DiagnosticCodes.ExchangeBasicAuthRetired, "ExchangeBasicAuthRetired", Severity.Info, FindingKind.Advisory, Confidence.Documented, Sources.BasicAuthDeprecation);

    public override string Id => "exchange-basic-auth";

    public override IReadOnlyList<RuleDescriptor> Descriptors => [Retirement];

    public override bool NeedsUser => false;

    public override void Evaluate(RuleContext context)
    {
        if (!context.Settings.TargetsExchangeOnline)
        {
            return;
        }

        var declared = context.Settings.LegacyProtocols & Retired;
        if (declared == LegacyProtocols.None)
        {
            context.Report(
                DiagnosticCodes.ExchangeBasicAuthRetired,
                "Exchange Online no longer accepts Basic authentication for EWS, EAS, IMAP, POP or Remote PowerShell",
                $"Microsoft retired Basic authentication for these Exchange Online protocols, which also stops app passwords there; only SMTP AUTH still accepts it for now. If the product uses one of them for {context.UserName}, an app password cannot work whatever this diagnosis finds: use modern authentication.",
                [new Evidence("/", null, "the host declares the Exchange Online protocols it uses (options.LegacyProtocols)")]);
            return;
        }

        context.ReportGraded(
            DiagnosticCodes.ExchangeBasicAuthRetired,
            $"Exchange Online rejects app passwords for {declared}",
            $"The product uses {declared} with an app password, but Exchange Online retired Basic authentication for it. Sign-ins of {context.UserName} with an app password will fail there whatever the tenant's settings; the product must use modern authentication (OAuth).",
            [new Evidence("/", EvidenceValues.String(declared.ToString()), "a protocol that still accepts Basic authentication, or OAuth")],
            Severity.Blocker,
            FindingKind.Usability);
    }
}
