namespace CodeTwo.AuthDiagnostics.Snapshots.Graph;

/// <summary>
/// The value of a <c>signIns</c> section: the sign-ins in document order, and, worked out once when the snapshot is read,
/// the newest sign-in of each legacy protocol and of <c>Other clients</c> in the 7 days up to the capture (catalog v1.2
/// §3, §5.10). A diagnosis then finds its observations in a few steps whatever the number of sign-ins.
/// </summary>
internal sealed class SignInList : IReadOnlyList<SignIn>
{
    /// <summary>How far back the log counts: the 7 days up to the capture.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private readonly SignIn[] items;
    private readonly int[] newestByProtocol = new int[8];

    public SignInList(SignIn[] items, DateTimeOffset capturedAt)
    {
        this.items = items;
        Array.Fill(newestByProtocol, -1);
        NewestOtherClients = -1;
        for (int i = 0; i < items.Length; i++)
        {
            var signIn = items[i];
            if (!signIn.IsLegacy || signIn.CreatedDateTime > capturedAt || signIn.CreatedDateTime < capturedAt - Window)
            {
                continue;
            }

            if (signIn.Protocol == LegacyProtocols.None)
            {
                NewestOtherClients = Newer(NewestOtherClients, i);
            }
            else
            {
                int group = System.Numerics.BitOperations.TrailingZeroCount((uint)signIn.Protocol);
                newestByProtocol[group] = Newer(newestByProtocol[group], i);
            }
        }
    }

    /// <summary>The index of the newest counted <c>Other clients</c> sign-in, or −1.</summary>
    public int NewestOtherClients { get; }

    public int Count => items.Length;

    public SignIn this[int index] => items[index];

    /// <summary>The index of the newest counted sign-in of the protocol at bit <paramref name="bit"/> of <see cref="LegacyProtocols"/>, or −1.</summary>
    public int NewestOf(int bit) => newestByProtocol[bit];

    /// <summary>Of two sign-ins (indexes, −1 for none), the newer; a tie keeps the first in document order.</summary>
    public int Newer(int a, int b)
    {
        if (a < 0)
        {
            return b;
        }

        if (b < 0)
        {
            return a;
        }

        var ta = items[a].CreatedDateTime;
        var tb = items[b].CreatedDateTime;
        return tb > ta || (tb == ta && b < a) ? b : a;
    }

    public IEnumerator<SignIn> GetEnumerator() => ((IEnumerable<SignIn>)items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => items.GetEnumerator();
}
