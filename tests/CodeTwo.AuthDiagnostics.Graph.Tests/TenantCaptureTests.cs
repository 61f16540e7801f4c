using System.Text;
using CodeTwo.AuthDiagnostics.Execution;
using CodeTwo.AuthDiagnostics.Graph.Fakes;
using CodeTwo.AuthDiagnostics.Snapshots;
using CodeTwo.AuthDiagnostics.Snapshots.Reading;

namespace CodeTwo.AuthDiagnostics.Graph;

public sealed class TenantCaptureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_user_is_streamed_page_by_page_with_progress_and_an_estimate()
    {
        var tenant = FakeTenant.Generate(250);
        await using var host = await GraphTestHost.StartAsync(tenant, o => o.PageSize = 100, pageSize: 999);
        var output = new RecordingStream();
        string? writtenWhenPageThreeWasRead = null;
        string lastPageUser = tenant.Users[200].Id;
        host.Server.OnRequest = r => writtenWhenPageThreeWasRead ??= r.Path == $"/users/{lastPageUser}/authentication/requirements" ? output.Text() : null;
        var reports = new List<CaptureProgress>();

        var result = await host.Source.CaptureTenantAsync(output, new SynchronousProgress<CaptureProgress>(reports.Add), Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        snapshot.Users.Should().HaveCount(250);
        snapshot.Users.Select(u => u.User.Id).Should().Equal(tenant.Users.Select(u => u.Id));
        snapshot.Users.Should().OnlyContain(u => u.Sections.AuthenticationRequirements.IsCaptured && u.Sections.AuthenticationMethods.IsCaptured && u.Sections.TransitiveMemberOf.IsCaptured);
        snapshot.Users[1].Sections.AuthenticationRequirements.Value!.PerUserMfaState.Should().Be(PerUserMfaState.Enabled);
        snapshot.TenantId.Should().Be(tenant.TenantId);
        snapshot.Sections.SecurityDefaults.IsCaptured.Should().BeTrue();
        result.Should().BeEquivalentTo(new { TenantId = tenant.TenantId, Users = 250, FailedSections = 0 });
        result.Requests.Should().Be(host.Server.OuterRequests);

        // Users come from the listing ($select, $top) and are not read again one by one.
        var pages = host.Server.Requests(r => r.Path == "/users");
        pages.Should().HaveCount(3).And.OnlyContain(r => r.Param("$top") == "100" && r.Param("$select")!.Contains("accountEnabled"));
        host.Server.Requests(r => r.InBatch && r.Param("$select") != null).Should().BeEmpty();
        host.Server.Requests(r => r.Path == "/users/$count").Should().ContainSingle().Which.Headers["ConsistencyLevel"].Should().Be("eventual");

        // Streamed: page 1 was already written when the third page's sections were asked for.
        writtenWhenPageThreeWasRead.Should().Contain("user0099@contoso.com").And.NotContain("user0200@contoso.com");

        reports[0].Phase.Should().Be(CapturePhase.TenantSections);
        reports.Where(r => r.Phase == CapturePhase.Users).Select(r => r.UsersCaptured).Should().Equal(0, 100, 200, 250);
        reports.Should().OnlyContain(r => r.Phase == CapturePhase.TenantSections || r.UsersTotal == 250);
        reports.Where(r => r.Phase == CapturePhase.Users && r.UsersCaptured is > 0 and < 250).Should().OnlyContain(r => r.EstimatedRemaining != null);
        reports[^1].Should().BeEquivalentTo(new { Phase = CapturePhase.Completed, UsersCaptured = 250, EstimatedRemaining = (TimeSpan?)TimeSpan.Zero });
    }

    [Fact]
    public async Task Optional_user_sections_cost_nothing_when_left_out()
    {
        var tenant = FakeTenant.Generate(45);
        await using var host = await GraphTestHost.StartAsync(tenant, o => o.UserSections = UserSectionSelection.None);
        using var output = new MemoryStream();

        await host.Source.CaptureTenantAsync(output, null, Ct);

        var snapshot = new SnapshotReader().Read(output.ToArray());
        snapshot.Users.Should().HaveCount(45).And.OnlyContain(u =>
            u.Sections.AuthenticationRequirements.IsCaptured
            && u.Sections.AuthenticationMethods.Status == SectionStatus.NotCaptured
            && u.Sections.TransitiveMemberOf.Status == SectionStatus.NotCaptured);
        host.Server.Log.Where(e => e.BatchSize != null).Select(e => (e.Request.Version, e.BatchSize)).Should().BeEquivalentTo([("beta", 20), ("beta", 20), ("beta", 5)]);
    }

    [Fact]
    public async Task Without_a_user_count_there_is_no_estimate()
    {
        await using var host = await GraphTestHost.StartAsync(FakeTenant.Generate(5));
        host.Server.Fail(r => r.Path == "/users/$count", 400, code: "Request_BadRequest");
        var reports = new List<CaptureProgress>();

        await host.Source.CaptureTenantAsync(Stream.Null, new SynchronousProgress<CaptureProgress>(reports.Add), Ct);

        reports.Where(r => r.Phase != CapturePhase.Completed).Should().OnlyContain(r => r.UsersTotal == null && r.EstimatedRemaining == null);
        reports[^1].UsersCaptured.Should().Be(5);
    }

    [Fact]
    public async Task A_forbidden_user_list_throws_before_anything_is_written()
    {
        await using var host = await GraphTestHost.StartAsync(FakeTenant.Generate(5));
        host.Server.Fail(r => r.Path == "/users", 403, code: "Authorization_RequestDenied");
        using var output = new MemoryStream();

        var act = () => host.Source.CaptureTenantAsync(output, null, Ct);

        (await act.Should().ThrowAsync<GraphCaptureException>()).Which.RequiredPermissions.Should().Equal("User.Read.All");
        output.Length.Should().Be(0);
    }

    [Fact]
    public async Task A_tenant_wide_capture_can_be_cancelled_between_pages()
    {
        await using var host = await GraphTestHost.StartAsync(FakeTenant.Generate(30), o => o.PageSize = 10);
        host.Server.Hang(r => r.Path == "/users" && r.Param("$skiptoken") != null);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var capture = host.Source.CaptureTenantAsync(Stream.Null, null, cancellation.Token);
        await host.Server.WaitForRequestAsync(r => r.Path == "/users" && r.Param("$skiptoken") != null);
        await cancellation.CancelAsync();

        await capture.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_all_users_request_returns_the_whole_tenant_as_a_snapshot()
    {
        var tenant = FakeTenant.Generate(12);
        await using var host = await GraphTestHost.StartAsync(tenant, pageSize: 5);

        var snapshot = await host.Source.CaptureAsync(SnapshotRequest.ForAllUsers(), Ct);

        snapshot.Users.Should().HaveCount(12);
        snapshot.MissingUsers.Should().BeEmpty();
        snapshot.Users.Select(u => u.Sections.TransitiveMemberOf.Value!.Count).Should().OnlyContain(c => c == 2);
    }

    /// <summary>A MemoryStream whose content can be read while another thread writes it.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        private readonly object gate = new();

        public string Text()
        {
            lock (gate)
            {
                return Encoding.UTF8.GetString(GetBuffer(), 0, (int)Length);
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (gate)
            {
                base.Write(buffer, offset, count);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (gate)
            {
                base.Write(buffer);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
