namespace CodeTwo.AuthDiagnostics.Tests.TestSupport;

/// <summary>Where the repository is, for tests that read its sources and docs.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding CodeTwo.AuthDiagnostics.sln, found above the test's output folder.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CodeTwo.AuthDiagnostics.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (CodeTwo.AuthDiagnostics.sln) is not above " + AppContext.BaseDirectory);
        }
    }
}
