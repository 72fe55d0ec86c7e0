using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Workbench;

public sealed class ItemReferenceTests
{
    [Theory]
    [InlineData(ReferenceRole.From, "from", true)]
    [InlineData(ReferenceRole.To, "to", false)]
    [InlineData(ReferenceRole.Start, "start", true)]
    public void Name_IsTheRolesJsonName_AndOriginsAreFromAndStart(ReferenceRole role, string name, bool origin)
    {
        var reference = new ItemReference(role, "ABC");
        Assert.Equal(name, reference.Name);
        Assert.Equal(name, ItemReference.NameOf(role));
        Assert.Equal(origin, reference.IsOrigin);
    }

    [Fact]
    public void NameOf_UnknownRole_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ItemReference.NameOf((ReferenceRole)99));
}
