using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;
using LatentWorkbench.Core.Workbench;

namespace LatentWorkbench.Core.Tests.Training;

[Collection(ToyModelCollection.Name)]
public sealed class EvaluatorTests(ToyModelFixture toy)
{
    [Fact]
    public void Run_TalliesEveryTargetToken_AndTheTalliesAddUpToTheAccuracies()
    {
        var model = toy.Model.Model;
        var records = toy.HeldOut.Take(120).Select(TrainingRecord.Of).ToList();
        var items = TrainingPipeline.Encode(records, toy.Model.Codec, model.Manifest.Model, model.Manifest.PropertyScaling, out _);
        var vocabulary = model.Vocabulary;
        var report = Evaluator.Run(model, items, toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials), 0);

        var targets = items.Sum(i => i.Tokens.Length + 1L); // each item's tokens and its end token
        Assert.Equal(targets, report.ByToken.Sum(t => t.TeacherForcedTotal));
        Assert.Equal(targets, report.ByToken.Sum(t => t.GreedyTotal));
        Assert.Equal(items.Count, report.ByToken[vocabulary.Specials.Eos].TeacherForcedTotal);
        Assert.Equal(report.Metrics.TokenAccuracy, report.ByToken.Sum(t => t.TeacherForcedCorrect) / (double)targets, 9);
        Assert.Equal(report.Metrics.GreedyTokenAccuracy!.Value, report.ByToken.Sum(t => t.GreedyCorrect) / (double)targets, 9);

        var byKind = report.ByKind(vocabulary.Tokens, t => t == "H" ? "h" : t.Length == 1 ? "letter" : null, vocabulary.Specials.Eos);
        Assert.Equal(["end", "h", "letter"], byKind.Keys.Order());
        Assert.Equal("letter", byKind.Keys.First()); // most frequent kind first
        Assert.Equal(1, byKind.Values.Sum(k => k.Share), 9);
        Assert.All(byKind.Values, k => Assert.InRange(k.TeacherForced, 0, 1));
    }
}
