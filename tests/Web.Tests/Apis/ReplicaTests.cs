using System.Net;
using System.Net.Http.Json;
using LatentWorkbench.Web.Services;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Apis;

/// <summary><c>Models:Replicas</c> serves a model from several copies: one held busy, the API still answers.</summary>
public sealed class ReplicaTests(ToyWebFactory factory) : IClassFixture<ToyWebFactory>
{
    [Fact]
    public async Task TwoReplicas_OneHeldBusy_TheOtherServesTheApi()
    {
        var app = factory.WithWebHostBuilder(b => b.UseSetting("Models:Replicas", "2"));
        var client = app.CreateClient();
        var hub = app.Services.GetRequiredService<ModelHub>();
        Assert.Equal(2, hub.Replicas);
        var worker = hub.Get("toy");
        Assert.Equal(2, worker.Replicas);
        using var gate = new ManualResetEventSlim();
        var holding = worker.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));
        while (worker.Queued > 0) await Task.Delay(5);

        var response = await client.PostAsJsonAsync("/api/domains/toy/interpolate", new { from = "ABC", to = "DEH", steps = 4 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(holding.IsCompleted);
        gate.Set();
        Assert.True(await holding);
    }
}
