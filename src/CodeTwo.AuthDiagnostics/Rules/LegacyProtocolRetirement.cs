namespace CodeTwo.AuthDiagnostics.Rules;

/// <summary>
/// One row of the retirement table (catalog v1.1 §1): from which date a legacy protocol stops accepting app-password
/// sign-ins, and the source that says so. Dates are calendar dates compared with the UTC date of the snapshot's
/// <c>capturedAt</c>; Microsoft announced them for Microsoft 365 as a whole, so they apply to every cloud.
/// </summary>
internal sealed class LegacyProtocolRetirement
{
    internal LegacyProtocolRetirement(LegacyProtocols protocol, string cliName, string displayName, DateOnly? appPasswordSignInsStop, DateOnly? offByDefaultFrom, string note, string source)
    {
        Protocol = protocol;
        CliName = cliName;
        DisplayName = displayName;
        AppPasswordSignInsStop = appPasswordSignInsStop;
        OffByDefaultFrom = offByDefaultFrom;
        Note = note;
        Source = source;
    }

    /// <summary>The protocol (a single flag).</summary>
    public LegacyProtocols Protocol { get; }

    /// <summary>Its name on the CLI's <c>--legacy-protocol</c> (case-insensitive there).</summary>
    public string CliName { get; }

    /// <summary>How texts name it.</summary>
    public string DisplayName { get; }

    /// <summary>The first day on which app-password sign-ins no longer work; <see langword="null"/> while no removal date is announced.</summary>
    public DateOnly? AppPasswordSignInsStop { get; }

    /// <summary>The first day on which Basic authentication is off by default (an admin may still turn it on); <see langword="null"/> when not announced.</summary>
    public DateOnly? OffByDefaultFrom { get; }

    /// <summary>What happened, in plain language.</summary>
    public string Note { get; }

    /// <summary>The Microsoft page or Message Center post that announced it.</summary>
    public string Source { get; }

    /// <summary>Whether app-password sign-ins over this protocol have stopped on <paramref name="date"/>.</summary>
    /// <param name="date">The evaluation date (the UTC date of the snapshot's capture).</param>
    public bool IsRetiredOn(DateOnly date) => AppPasswordSignInsStop is { } stop && date >= stop;

    /// <summary>Whether Basic authentication is off by default on <paramref name="date"/> (and not yet retired).</summary>
    /// <param name="date">The evaluation date.</param>
    public bool IsOffByDefaultOn(DateOnly date) => !IsRetiredOn(date) && OffByDefaultFrom is { } from && date >= from;

    /// <inheritdoc/>
    public override string ToString() => CliName;
}
