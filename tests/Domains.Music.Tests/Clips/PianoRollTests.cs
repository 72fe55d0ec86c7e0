using System.Xml.Linq;
using LatentWorkbench.Domains.Music.Clips;

namespace LatentWorkbench.Domains.Music.Tests.Clips;

public class PianoRollTests
{
    [Fact]
    public void ToSvg_DrawsOneBoxPerNote_AsWellFormedSvg()
    {
        var svg = XDocument.Parse(PianoRoll.ToSvg("M4 BAR P0 N60 D12 V3 N64 D12 V3 P12 N67 D24 V4 BAR P0 N72 D48 V1"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var notes = svg.Root!.Elements(ns + "rect").Where(r => r.Element(ns + "title") is not null).ToList();
        Assert.Equal(4, notes.Count);
        Assert.Equal("C4 step 0 len 12 vel 88", notes[0].Element(ns + "title")!.Value);
        Assert.Equal(3, svg.Root.Elements(ns + "line").Count(l => l.Attribute("stroke")!.Value == "#888888"));
    }

    [Fact]
    public void ToSvg_ThrowsWithPosition_WhenTextMalformed()
    {
        Assert.Contains("at character 3", Assert.Throws<FormatException>(() => PianoRoll.ToSvg("M4 P0")).Message);
    }
}
