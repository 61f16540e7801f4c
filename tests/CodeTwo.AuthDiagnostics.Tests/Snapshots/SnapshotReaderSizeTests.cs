using System.Text;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;
using static CodeTwo.AuthDiagnostics.Tests.Snapshots.SnapshotDocuments;

namespace CodeTwo.AuthDiagnostics.Tests.Snapshots;

/// <summary>The tests that hold documents of tens of megabytes run alone, so that they do not crowd the others.</summary>
[CollectionDefinition(nameof(LargeDocuments), DisableParallelization = true)]
public sealed class LargeDocuments
{
}

/// <summary><see cref="SnapshotReaderOptions.MaxDocumentBytes"/>: documents over the limit fail early, in every way of reading.</summary>
[Collection(nameof(LargeDocuments))]
public sealed class SnapshotReaderSizeTests
{
    private const long EightyMiB = 80L << 20;
    private const long SixtyFourMiB = 64L << 20;
    private const string SizeExpected = "expected at most 64 MiB (SnapshotReaderOptions.MaxDocumentBytes)";

    [Fact]
    public void An_80_MiB_string_is_rejected_when_the_limit_is_64_MiB()
    {
        string json = Encoding.ASCII.GetString(LargeDocument.Build(EightyMiB, out _));

        Messages(Errors(json, new SnapshotReaderOptions { MaxDocumentBytes = SixtyFourMiB })).Should().Equal(
            "$: a document of 80 MiB; " + SizeExpected);
    }

    [Fact]
    public void An_80_MiB_byte_array_is_rejected_when_the_limit_is_64_MiB()
    {
        byte[] bytes = LargeDocument.Build(EightyMiB, out _);

        Messages(Errors(bytes, new SnapshotReaderOptions { MaxDocumentBytes = SixtyFourMiB })).Should().Equal(
            "$: a document of 80 MiB; " + SizeExpected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_80_MiB_stream_is_rejected_when_the_limit_is_64_MiB(bool seekable)
    {
        using var stream = LargeDocument.Stream(LargeDocument.Build(EightyMiB, out _), seekable);
        var reader = new SnapshotReader(new SnapshotReaderOptions { MaxDocumentBytes = SixtyFourMiB });

        var read = () => reader.ReadAsync(stream, TestContext.Current.CancellationToken);

        var thrown = await read.Should().ThrowAsync<SnapshotFormatException>();
        Messages(thrown.Which.Errors).Should().Equal("$: a document of more than 64 MiB; " + SizeExpected);
    }

    [Fact]
    public async Task The_same_80_MiB_document_is_read_with_the_default_limits()
    {
        byte[] bytes = LargeDocument.Build(EightyMiB, out int users);
        bytes.LongLength.Should().Be(EightyMiB);

        // A stream that cannot tell its length: the reader's buffer has to grow all the way.
        using var stream = LargeDocument.Stream(bytes, seekable: false);
        var snapshot = await new SnapshotReader().ReadAsync(stream, TestContext.Current.CancellationToken);

        snapshot.Users.Should().HaveCount(users);
        snapshot.Users[^1].User.UserPrincipalName.Should().Be(LargeDocument.UserPrincipalName(users - 1));
        snapshot.FindUser(LargeDocument.UserPrincipalName(users / 2))!.Index.Should().Be(users / 2);
        snapshot.Users[0].User.Json.GetProperty("notes").GetString().Should().HaveLength(4_000);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_rejected_naming_the_file_and_the_limit()
    {
        string path = FixturePath(FixtureFiles.Should().NotBeEmpty().And.Subject.First());
        long size = new FileInfo(path).Length;
        var reader = new SnapshotReader(new SnapshotReaderOptions { MaxDocumentBytes = 100 });

        var read = () => reader.ReadFileAsync(path, TestContext.Current.CancellationToken);

        var thrown = (await read.Should().ThrowAsync<SnapshotFormatException>()).Which;
        thrown.Source.Should().Be(path);
        thrown.Message.Should().Contain(path);
        Messages(thrown.Errors).Should().Equal($"$: a document of {size} bytes; expected at most 100 bytes (SnapshotReaderOptions.MaxDocumentBytes)");
    }

    [Fact]
    public void MaxDocumentBytes_is_the_largest_size_accepted()
    {
        var options = new SnapshotReaderOptions { MaxDocumentBytes = Minimal.Length - 1 };

        Messages(Errors(Minimal, options)).Should().Equal(
            $"$: a document of {Minimal.Length} bytes; expected at most {Minimal.Length - 1} bytes (SnapshotReaderOptions.MaxDocumentBytes)");
        Messages(Errors(Utf8(Minimal), options)).Should().Equal(
            $"$: a document of {Minimal.Length} bytes; expected at most {Minimal.Length - 1} bytes (SnapshotReaderOptions.MaxDocumentBytes)");
    }
}
