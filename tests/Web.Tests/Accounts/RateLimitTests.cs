using System.Net;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>Per-user API rate limits: a user over the limit gets 429 with Retry-After; another user is not held up.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedFactory factory) : IClassFixture<RateLimitTests.LimitedFactory>
{
    /// <summary>Sign-in on, three API requests per minute per user.</summary>
    public sealed class LimitedFactory : SignInWebFactory
    {
        protected override int RequestsPerMinute => 3;
    }

    [Fact]
    public async Task AUserOverTheLimit_IsToldToWait_WhileAnotherIsServed()
    {
        var viewer = factory.ClientOf("viewer");
        var answers = new List<HttpResponseMessage>();
        for (int i = 0; i < 5; i++) answers.Add(await viewer.GetAsync("/api/account"));
        Assert.Equal(HttpStatusCode.OK, answers[0].StatusCode);
        var limited = answers.Last();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientOf("editor").GetAsync("/api/account")).StatusCode);
    }
}
