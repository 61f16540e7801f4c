using System.Text;
using CodeTwo.AuthDiagnostics.Rules;
using CodeTwo.AuthDiagnostics.Snapshots.Writing;

namespace CodeTwo.AuthDiagnostics.Rules.Catalog;

/// <summary>
/// APW060 LegacyProtocolRetired (catalog v1.1 §1): the declared protocols against the retirement table on the snapshot's
/// capture date. A usability blocker when every declared protocol is retired (then no plan step weakens the tenant); a
/// warning naming the retired ones when only some are; an advisory with the whole table when none is declared. A
/// declared protocol that still accepts app passwords (SMTP AUTH) does not fire it.
/// </summary>
internal sealed class LegacyProtocolRule : CatalogRule
{
    public override string Id => "legacy-protocol";

    public override IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.LegacyProtocolRetired];

    public override bool NeedsUser => false;

    public override void Evaluate(ref RuleContext context)
    {
        var protocols = context.Index.Protocols;
        var state = (protocols, context.UserName, context.Snapshot.CapturedAt);
        if (protocols.NoneDeclared)
        {
            if (context.Settings.TargetsExchangeOnline)
            {
                context.Report(DiagnosticCodes.LegacyProtocolRetired, state, static s =>
                {
                    string date = LegacyProtocolRetirements.Format(s.protocols.Date);
                    return new FindingText(
                        "Exchange Online accepts app passwords only over SMTP AUTH",
                        $"Microsoft has retired Basic authentication, and with it app passwords, almost everywhere a legacy client could use one. On {date}: {Table(s.protocols.Date)} " +
                        $"So with Exchange Online only SMTP AUTH can still use an app password. Declare the protocols the product uses with {s.UserName} (options.LegacyProtocols, or --legacy-protocol on the CLI) to find out whether an app password can work at all; the durable fix is Microsoft Graph with OAuth (an app registration).",
                        [new Evidence("/", null, "the host declares the protocols it signs in with (options.LegacyProtocols)"), CapturedAt(s.CapturedAt, date)]);
                });
            }
        }
        else if (protocols.AllRetired)
        {
            context.ReportGraded(
                DiagnosticCodes.LegacyProtocolRetired,
                state,
                static s =>
                {
                    var (retired, stops, evidence) = Retirements(s.protocols, s.CapturedAt);
                    return new FindingText(
                        $"App passwords no longer work over {retired}",
                        $"The product signs in as {s.UserName} over {retired}, which no longer accepts app passwords ({stops}). Sign-ins with an app password will fail whatever the tenant's settings, so the plan changes nothing that would weaken the tenant. " +
                        "The product must sign in with OAuth: Microsoft Graph with an app registration.",
                        evidence);
                },
                Severity.Blocker,
                FindingKind.Usability);
        }
        else if (protocols.Retired.Count > 0)
        {
            context.ReportGraded(
                DiagnosticCodes.LegacyProtocolRetired,
                state,
                static s =>
                {
                    var protocols = s.protocols;
                    var (retired, stops, evidence) = Retirements(protocols, s.CapturedAt);
                    return new FindingText(
                        $"App passwords no longer work over {retired}",
                        $"Of the protocols the product uses with {s.UserName}, {retired} no longer {(protocols.Retired.Count == 1 ? "accepts" : "accept")} app passwords ({stops}); only {DeclaredProtocols.Names(protocols.Open)} still {(protocols.Open.Count == 1 ? "does" : "do")}, and the plan is written for {(protocols.Open.Count == 1 ? "it" : "them")}. " +
                        "Move the retired ones to OAuth: Microsoft Graph with an app registration.",
                        evidence);
                },
                Severity.Warning,
                FindingKind.Usability);
        }
    }

    /// <summary>The retired protocols' names, when each stopped, and the evidence that shows them.</summary>
    private static (string Retired, string Stops, Evidence[] Evidence) Retirements(DeclaredProtocols protocols, DateTimeOffset capturedAt)
    {
        string date = LegacyProtocolRetirements.Format(protocols.Date);
        string retired = DeclaredProtocols.Names(protocols.Retired);
        string stops = string.Join("; ", protocols.Retired.Select(r => $"{r.DisplayName} since {LegacyProtocolRetirements.Format(r.AppPasswordSignInsStop!.Value)} ({r.Source})"));
        var evidence = new[]
        {
            new Evidence("/", EvidenceValues.String(string.Join(", ", protocols.Retired.Select(r => r.CliName))), "a declared protocol that still accepts app passwords on the capture date, or OAuth"),
            CapturedAt(capturedAt, date),
        };
        return (retired, stops, evidence);
    }

    /// <summary>The capture instant as evidence: the table is read on its UTC date, for every cloud.</summary>
    private static Evidence CapturedAt(DateTimeOffset capturedAt, string date) => new(
        "/capturedAt",
        EvidenceValues.String(SnapshotWriter.FormatInstant(capturedAt)),
        $"any date: the retirement table is read on {date} (UTC), and its dates apply to every cloud (Microsoft announced them for Microsoft 365 as a whole)");

    /// <summary>The retirement table in one paragraph, as it stands on <paramref name="date"/>.</summary>
    private static string Table(DateOnly date)
    {
        var text = new StringBuilder();
        foreach (var row in LegacyProtocolRetirements.All)
        {
            text.Append(row.DisplayName).Append(": ");
            if (row.IsRetiredOn(date))
            {
                text.Append("app passwords stopped working on ").Append(LegacyProtocolRetirements.Format(row.AppPasswordSignInsStop!.Value));
            }
            else if (row.AppPasswordSignInsStop is { } stop)
            {
                text.Append("app passwords stop working on ").Append(LegacyProtocolRetirements.Format(stop));
            }
            else
            {
                text.Append("still accepted");
                if (row.OffByDefaultFrom is { } off)
                {
                    text.Append(date >= off ? ", but off by default since " : ", off by default from ").Append(LegacyProtocolRetirements.Format(off)).Append(" (an admin can turn it back on for now)");
                }
            }

            text.Append("; ");
        }

        text.Length -= 2;
        return text.Append('.').ToString();
    }
}
