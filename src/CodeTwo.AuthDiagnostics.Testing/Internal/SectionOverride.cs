using System.Globalization;

namespace CodeTwo.AuthDiagnostics.Testing.Internal;

/// <summary>A section forced to <c>notCaptured</c> or <c>failed</c> instead of its captured value.</summary>
internal sealed record SectionOverride(SectionStatus Status, string? Reason, int HttpStatus, string? Code, string? Message, string[] RequiredPermissions)
{
    public static SectionOverride NotCaptured(string? reason) => new(SectionStatus.NotCaptured, reason, 0, null, null, []);

    public static SectionOverride Failed(int httpStatus, string? code, string? message, string[]? requiredPermissions)
    {
        if (httpStatus is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(httpStatus), httpStatus, "An HTTP status code is between 100 and 599.");
        }

        var permissions = requiredPermissions ?? [];
        for (int i = 0; i < permissions.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(permissions[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Required permission {i} is empty; expected a Graph permission such as Policy.Read.All."), nameof(requiredPermissions));
            }
        }

        return new SectionOverride(SectionStatus.Failed, null, httpStatus, code, message, [.. permissions]);
    }
}
