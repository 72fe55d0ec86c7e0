using System.Net;
using System.Net.Http.Json;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>
/// A model under load: when its queue is full it answers 503 with Retry-After at once and serves again when it drains;
/// with <c>Models:Replicas</c>, one copy held busy, another still answers.
/// </summary>
public sealed class BackPressureTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    [Fact]
    public async Task FullQueue_Answers503WithRetryAfter_ThenServesAgain()
    {
        var (client, hub) = Serve("Models:MaxQueued", "1");
        Assert.Equal(1, hub.MaxQueued);
        var worker = hub.Get("toy");
        using var gate = new ManualResetEventSlim();
        var holding = await HoldAsync(worker, gate);
        var waiting = worker.RunAsync(_ => 1); // the one place in the queue

        var response = await client.PostAsJsonAsync("/api/domains/toy/encode", new { items = new[] { "ABC" } });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Contains("busy", await response.Content.ReadAsStringAsync());

        gate.Set();
        await holding;
        await waiting;
        response = await client.PostAsJsonAsync("/api/domains/toy/encode", new { items = new[] { "ABC" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TwoReplicas_OneHeldBusy_TheOtherServesTheApi()
    {
        var (client, hub) = Serve("Models:Replicas", "2");
        Assert.Equal(2, hub.Replicas);
        var worker = hub.Get("toy");
        Assert.Equal(2, worker.Replicas);
        using var gate = new ManualResetEventSlim();
        var holding = await HoldAsync(worker, gate);

        var response = await client.PostAsJsonAsync("/api/domains/toy/interpolate", new { from = "ABC", to = "DEH", steps = 4 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(holding.IsCompleted);
        gate.Set();
        Assert.True(await holding);
    }

    /// <summary>A client of the app with one setting changed, and its model hub.</summary>
    private (HttpClient Client, ModelHub Hub) Serve(string key, string value)
    {
        var app = factory.WithWebHostBuilder(b => b.UseSetting(key, value));
        return (app.CreateClient(), app.Services.GetRequiredService<ModelHub>());
    }

    /// <summary>Occupies one of the worker's threads until <paramref name="gate"/> is set; returns once it has started.</summary>
    private static async Task<Task<bool>> HoldAsync(ModelWorker worker, ManualResetEventSlim gate)
    {
        var holding = worker.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        while (worker.Queued > 0) await Task.Delay(5);
        return holding;
    }
}
