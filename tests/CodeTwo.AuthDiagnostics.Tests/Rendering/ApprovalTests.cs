using System.Text;
using CodeTwo.AuthDiagnostics.Rendering;
using CodeTwo.AuthDiagnostics.Tests.TestSupport;
using Snapshooter;
using Snapshooter.Xunit3;

namespace CodeTwo.AuthDiagnostics.Tests.Rendering;

/// <summary>
/// Approved renderings (Snapshooter; files in __snapshots__ next to this file) of the JSON contract and the Markdown report
/// for every user of every fixture, the missing user included. A change to any of them fails until the new rendering
/// is reviewed and approved (move the file from __snapshots__/__mismatch__ over the approved one).
/// </summary>
public sealed class ApprovalTests
{
    public static TheoryData<string, string> Users
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string file in Fixture.AllNames)
            {
                var snapshot = Fixture.Load(file).Snapshot();
                foreach (string user in snapshot.Users.Select(u => u.User.UserPrincipalName).Concat(snapshot.MissingUsers))
                {
                    data.Add(file, user);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Users))]
    public void Diagnosis_JSON(string file, string user)
    {
        string json = DiagnosisJson.Serialize(Diagnose.User(Fixture.Load(file), user));

        Snapshot.Match(json, SnapshotNameExtension.Create(Name(file, user)));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public void Diagnosis_Markdown(string file, string user)
    {
        string markdown = DiagnosisMarkdown.Render(Diagnose.User(Fixture.Load(file), user));

        Snapshot.Match(markdown, SnapshotNameExtension.Create(Name(file, user)));
    }

    /// <summary>The fixture's name, plus the user's local part when the fixture holds several users.</summary>
    private static string Name(string file, string user)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        if (Fixture.Load(file).Snapshot().Users.Count + Fixture.Load(file).Snapshot().MissingUsers.Count > 1)
        {
            name += "_" + user[..user.IndexOf('@', StringComparison.Ordinal)];
        }

        var safe = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return safe.ToString();
    }
}
