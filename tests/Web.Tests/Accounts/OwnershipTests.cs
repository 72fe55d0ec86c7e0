using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>
/// With sign-in on, library items and sessions belong to the user who made them: others see an item only once it is
/// shared, never change it, and never see another's session; an admin sees and changes everything.
/// </summary>
public sealed class OwnershipTests(SignInWebFactory factory) : IClassFixture<SignInWebFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<long[]> LibraryIds(string user) =>
        (await Json(await factory.ClientOf(user).GetAsync("/api/library/toy"))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task LibraryItem_IsPrivateUntilShared_AndOnlyItsOwnerOrAnAdminChangesIt()
    {
        var editor = factory.ClientOf("editor");
        var added = await Json(await editor.PostAsJsonAsync("/api/library/toy", new { text = "DEAD", name = "mine" }));
        var id = added.GetProperty("id").GetInt64();
        Assert.Equal(factory.IdOf("editor"), added.GetProperty("owner").GetString());
        Assert.False(added.GetProperty("shared").GetBoolean());

        Assert.Contains(id, await LibraryIds("editor"));
        Assert.DoesNotContain(id, await LibraryIds("viewer"));
        Assert.DoesNotContain(id, await LibraryIds("editor2"));
        Assert.Contains(id, await LibraryIds("admin"));

        // Another editor can neither share nor remove it, and is told no more than that it is not theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientOf("editor2").PutAsJsonAsync($"/api/library/toy/{id}/shared", new { shared = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientOf("editor2").DeleteAsync($"/api/library/toy/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PutAsJsonAsync($"/api/library/toy/{id}/shared", new { shared = true })).StatusCode);
        Assert.Contains(id, await LibraryIds("viewer"));
        Assert.Contains(id, await LibraryIds("editor2"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientOf("editor2").DeleteAsync($"/api/library/toy/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await factory.ClientOf("admin").DeleteAsync($"/api/library/toy/{id}")).StatusCode);
        Assert.DoesNotContain(id, await LibraryIds("editor"));
    }

    [Fact]
    public async Task TwoUsers_KeepTheirOwnCopyOfTheSameItem()
    {
        var first = await Json(await factory.ClientOf("editor").PostAsJsonAsync("/api/library/toy", new { text = "CAB", tags = new[] { "a" } }));
        var second = await Json(await factory.ClientOf("editor2").PostAsJsonAsync("/api/library/toy", new { text = "CAB", tags = new[] { "b" } }));
        Assert.NotEqual(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
        Assert.Equal(["a"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["b"], second.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Session_IsSeenOnlyByItsOwnerAndAdmins()
    {
        var viewer = factory.ClientOf("viewer");
        var path = await Json(await viewer.PostAsJsonAsync("/api/domains/toy/interpolate", new { from = "ABCA", to = "HEHD", steps = 3, save = true }));
        var id = path.GetProperty("session_id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientOf("admin").GetAsync($"/api/sessions/{id}")).StatusCode);
        var other = factory.ClientOf("viewer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/sessions/{id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/sessions/{id}")).StatusCode);
        Assert.DoesNotContain((await Json(await other.GetAsync("/api/sessions"))).EnumerateArray(), s => s.GetProperty("id").GetInt64() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await viewer.DeleteAsync($"/api/sessions/{id}")).StatusCode);
    }
}
