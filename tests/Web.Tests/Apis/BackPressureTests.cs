using System.Net;
using System.Net.Http.Json;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary>A model whose queue is full answers 503 with Retry-After at once, and serves again when it drains.</summary>
public sealed class BackPressureTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    [Fact]
    public async Task FullQueue_Answers503WithRetryAfter_ThenServesAgain()
    {
        var app = factory.WithWebHostBuilder(b => b.UseSetting("Models:MaxQueued", "1"));
        var client = app.CreateClient();
        var hub = app.Services.GetRequiredService<ModelHub>();
        Assert.Equal(1, hub.MaxQueued);
        var worker = hub.Get("toy");
        using var gate = new ManualResetEventSlim();
        var holding = worker.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        while (worker.Queued > 0) await Task.Delay(5);
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
}
