using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Workbench;
using TorchSharp;

namespace LatentWorkbench.Core.Tests.Latent;

[Collection(ToyModelCollection.Name)]
public sealed class ToyLatentTests(ToyModelFixture toy)
{
    [Fact]
    public void Interpolate_Endpoints_DecodeToTheInputs()
    {
        var pairs = toy.HeldOut.Take(40).Zip(toy.HeldOut.Skip(40).Take(40)).ToArray();
        int exact = 0;
        foreach (var (a, b) in pairs)
        {
            var path = toy.Model.Interpolate(a, b, 6);
            Assert.Equal(6, path.Count);
            Assert.Equal(0, path[0].T);
            Assert.Equal(1, path[^1].T);
            if (path[0].Text == a && path[^1].Text == b) exact++;
        }
        Assert.True(exact >= 0.9 * pairs.Length, $"{exact}/{pairs.Length} paths end on their inputs");
    }

    [Fact]
    public void Interpolate_AndMoveAlong_DecodeTheirAnchorsConsistently()
    {
        var anchorOptions = new DecodeOptions { Strategy = DecodeStrategy.Consistent, BeamWidth = PointDecoder.AnchorBeamWidth };
        foreach (var (a, b) in toy.HeldOut.Take(10).Zip(toy.HeldOut.Skip(10).Take(10)))
        {
            var path = toy.Model.Interpolate(a, b, 5);
            var ends = toy.Model.Decode([path[0].Latent, path[^1].Latent], anchorOptions);
            Assert.Equal(ends.Select(p => p.Text), [path[0].Text, path[^1].Text]);
            var moved = toy.Model.MoveAlong(a, "a_share", 1.0, 2);
            Assert.Equal(toy.Model.Decode([moved[0].Latent], anchorOptions)[0].Text, moved[0].Text);
        }
    }

    [Fact]
    public void Decode_Consistent_PicksTheCandidateWhoseEncodingIsNearest()
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var constraint = toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials);
        var random = new Random(3);
        // Points between and around items, so the greedy decode is rarely an exact round trip.
        var codes = toy.Model.Encode(toy.HeldOut.Take(24).ToArray());
        var z = codes.Select(c => c.Mean.Select(v => v + (float)(random.NextDouble() - 0.5)).ToArray()).ToArray();
        var options = new DecodeOptions { Strategy = DecodeStrategy.Consistent, BeamWidth = 6 };
        var consistent = toy.Model.Decode(z, options);
        var greedy = toy.Model.Decode(z);
        int changed = 0;
        for (int i = 0; i < z.Length; i++)
        {
            var candidates = toy.Model.Model.DecodeCandidates(z[i], 6, constraint).Where(h => h.Finished)
                .Select(h => toy.Model.Codec.ToText(h.TokenIds)).Append(greedy[i].Text).Where(t => toy.Domain.Validator.Validate(t).IsValid)
                .Distinct().ToArray();
            Assert.Contains(consistent[i].Text, candidates);
            var distances = toy.Model.Encode(candidates).Select(c => Distance(c.Mean, z[i])).ToArray();
            var chosen = Distance(toy.Model.Encode([consistent[i].Text])[0].Mean, z[i]);
            Assert.True(chosen <= distances.Min() + 1e-4, $"point {i}: chose {chosen:0.###}, nearest candidate {distances.Min():0.###}");
            if (consistent[i].Text != greedy[i].Text) changed++;
        }
        Assert.True(changed > 0, "the consistent choice never differed from the greedy decode; the test points are too easy");
    }

    [Fact]
    public void Decode_Consistent_GivesEncodedItemsBack_AtLeastAsOftenAsGreedy()
    {
        var items = toy.HeldOut.Take(60).ToArray();
        var z = toy.Model.Encode(items).Select(c => c.Mean).ToArray();
        var greedy = toy.Model.Decode(z).Zip(items).Count(p => p.First.Text == p.Second);
        var consistent = toy.Model.Decode(z, DecodeOptions.Named("consistent")).Zip(items).Count(p => p.First.Text == p.Second);
        Assert.True(consistent >= greedy, $"consistent {consistent}, greedy {greedy} of {items.Length}");
        Assert.True(consistent >= 0.9 * items.Length);
    }

    private static double Distance(float[] a, float[] b) => Math.Sqrt(a.Zip(b).Sum(p => (double)(p.First - p.Second) * (p.First - p.Second)));

    [Fact]
    public void Interpolate_Smooth_KeepsTheEnds_DecodesEachPoint_AndNeverBacktracksMore()
    {
        var pairs = toy.HeldOut.Take(30).Zip(toy.HeldOut.Skip(30).Take(30)).ToArray();
        var vocabulary = toy.Model.Model.Vocabulary;
        var constraint = toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials);
        double backtrackingBefore = 0, backtrackingAfter = 0;
        foreach (var (a, b) in pairs)
        {
            var plain = toy.Model.Interpolate(a, b, 8);
            var smooth = toy.Model.Interpolate(a, b, 8, smooth: true);
            Assert.Equal(plain[0].Text, smooth[0].Text);
            Assert.Equal(plain[^1].Text, smooth[^1].Text);
            for (int i = 1; i < 7; i++)
            {
                Assert.Equal(plain[i].Latent, smooth[i].Latent);
                Assert.Equal(plain[i].T, smooth[i].T);
                // Each point is its own decode or one of beam search's hypotheses for the same latent point.
                var hypotheses = toy.Model.Model.DecodeCandidates(plain[i].Latent, SmoothPath.Candidates, constraint)
                    .Select(h => toy.Model.Codec.ToText(h.TokenIds)).Append(plain[i].Text);
                Assert.Contains(smooth[i].Text, hypotheses);
            }
            if (plain.All(p => p.Valid))
            {
                backtrackingBefore += Backtracking(plain);
                backtrackingAfter += Backtracking(smooth);
                Assert.True(Backtracking(smooth) <= Backtracking(plain) + 1e-9, $"{a} -> {b}");
            }
        }
        Assert.True(backtrackingAfter <= backtrackingBefore);
    }

    private static double Backtracking(IReadOnlyList<LatentPoint> path) =>
        path.Zip(path.Skip(1)).Sum(s => Math.Max(0, s.Second.Similarities["from"] - s.First.Similarities["from"])
            + Math.Max(0, s.First.Similarities["to"] - s.Second.Similarities["to"]));

    [Fact]
    public void Navigate_StartIsTheUsersItem_AndTheTrajectoryStartsWithItsConsistentDecode()
    {
        foreach (var item in toy.HeldOut.Take(8))
        {
            var result = toy.Model.Navigate(new NavigationRequest(item, ObjectiveParser.Parse("a_share:max"), SamplesPerStep: 1));
            Assert.Equal(item, result.Start.Text);
            Assert.Equal(1.0, result.Start.Similarities["start"], 9);
            Assert.Equal(ToyDomain.AShare(item), result.Start.Properties["a_share"], 9);
            var anchor = new DecodeOptions { Strategy = DecodeStrategy.Consistent, BeamWidth = PointDecoder.AnchorBeamWidth };
            Assert.Equal(toy.Model.Decode([result.Trajectory[0].Latent], anchor)[0].Text, result.Trajectory[0].Text);
        }
    }

    [Fact]
    public void Navigate_TowardMoreA_RaisesThePropertyOnNearlyAllStarts()
    {
        var starts = toy.HeldOut.Where(s => ToyDomain.AShare(s) < 0.5).Take(40).ToArray();
        var raised = starts.Count(s =>
        {
            var result = toy.Model.Navigate(new NavigationRequest(s, ObjectiveParser.Parse("a_share:max"), SamplesPerStep: 2));
            return result.Best is { } best && best.Properties["a_share"] > ToyDomain.AShare(s);
        });
        Assert.True(raised >= 0.9 * starts.Length, $"{raised}/{starts.Length} navigations raised a_share");
    }

    [Fact]
    public void SaveLoad_SameCheckpoint_GivesIdenticalOutputs()
    {
        using var again = DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu");
        var items = toy.HeldOut.Take(20).ToArray();
        var first = toy.Model.Encode(items);
        var second = again.Encode(items);
        for (int i = 0; i < items.Length; i++) Assert.Equal(first[i].Mean, second[i].Mean);
        var z = first.Select(c => c.Mean).ToArray();
        Assert.Equal(toy.Model.Decode(z).Select(p => p.Text), again.Decode(z).Select(p => p.Text));
        Assert.Equal(toy.Model.Model.PredictProperties(z), again.Model.PredictProperties(z));
    }

    [Fact]
    public void Decode_BeamAndSampling_ProduceConstrainedItems()
    {
        var z = toy.Model.Encode(toy.HeldOut.Take(10).ToArray()).Select(c => c.Mean).ToArray();
        var beam = toy.Model.Decode(z, new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 3 });
        Assert.True(beam.Zip(toy.HeldOut).Count(p => p.First.Text == p.Second) >= 8);
        var sampled = toy.Model.Decode(z, new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = 1.5, TopP = 0.9, Seed = 5 });
        Assert.All(sampled.Concat(beam), p => Assert.DoesNotContain("HH", p.Text));
        var again = toy.Model.Decode(z, new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = 1.5, TopP = 0.9, Seed = 5 });
        Assert.Equal(sampled.Select(p => p.Text), again.Select(p => p.Text));
    }

    [Fact]
    public void DecodeCandidates_SearchedTogether_MatchSearchingEachAlone()
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var constraint = toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials);
        var random = new Random(5);
        // Encodings and points between them: searches of different lengths that finish at different steps.
        var z = toy.Model.Encode(toy.HeldOut.Take(12).ToArray()).Select(c => c.Mean)
            .SelectMany(m => new[] { m, m.Select(v => v + (float)(random.NextDouble() - 0.5)).ToArray() }).ToArray();
        var together = toy.Model.Model.DecodeCandidates(z, 5, constraint);
        Assert.Equal(z.Length, together.Length);
        for (int i = 0; i < z.Length; i++)
        {
            var alone = toy.Model.Model.DecodeCandidates(z[i], 5, constraint);
            Assert.Equal(alone.Select(h => toy.Model.Codec.ToText(h.TokenIds)), together[i].Select(h => toy.Model.Codec.ToText(h.TokenIds)));
            Assert.Equal(alone.Select(h => h.LogProbability), together[i].Select(h => h.LogProbability), (a, b) => Math.Abs(a - b) < 1e-3);
            Assert.InRange(alone.Length, 1, 5);
        }
        var beam = toy.Model.Model.Decode(z, new DecodeOptions { Strategy = DecodeStrategy.Beam, BeamWidth = 5 }, constraint);
        Assert.Equal(together.Select(c => c[0].TokenIds), beam.Select(b => b.TokenIds));
    }

    [Fact]
    public void DecodeCandidates_Enough_EndsEachVectorsSearchAtTheFirstHypothesisItAccepts()
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var constraint = toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials);
        var z = toy.Model.Encode(toy.HeldOut.Take(6).ToArray()).Select(c => c.Mean).ToArray();
        var full = toy.Model.Model.DecodeCandidates(z, 4, constraint);
        var asked = new List<int>();
        // Vectors 0, 2 and 4 stop at their first finished hypothesis; the others search on as without the predicate.
        var stopped = toy.Model.Model.DecodeCandidates(z, 4, constraint, (i, found) =>
        {
            Assert.True(found.Finished);
            asked.Add(i);
            return i % 2 == 0;
        });
        Assert.Equal(Enumerable.Range(0, 6), asked.Distinct().Order());
        for (int i = 0; i < z.Length; i++)
        {
            var finished = stopped[i].Where(h => h.Finished).Select(h => toy.Model.Codec.ToText(h.TokenIds)).ToArray();
            if (i % 2 == 0)
            {
                Assert.Single(finished);
                Assert.Contains(finished[0], full[i].Select(h => toy.Model.Codec.ToText(h.TokenIds)));
            }
            else
            {
                Assert.Equal(full[i].Select(h => toy.Model.Codec.ToText(h.TokenIds)), stopped[i].Select(h => toy.Model.Codec.ToText(h.TokenIds)));
            }
        }
    }

    [Fact]
    public void Decode_GreedyBatch_RowsThatEndLeaveTheBatch_AndTheOthersDecodeAsInSmallerBatches()
    {
        var vocabulary = toy.Model.Model.Vocabulary;
        var constraint = toy.Domain.DecodingConstraint!.Create(vocabulary.Tokens, vocabulary.Specials);
        // Encodings of items of different lengths: rows finish at different steps and leave the batch as they do.
        var z = toy.Model.Encode(toy.HeldOut.Take(10).ToArray()).Select(c => c.Mean).ToArray();
        var together = toy.Model.Model.Decode(z, DecodeOptions.Default, constraint);
        Assert.True(together.Select(d => d.TokenIds.Length).Distinct().Count() > 2, "the rows should end at different steps");
        for (int i = 0; i + 1 < z.Length; i += 2)
        {
            var pair = toy.Model.Model.Decode(z[i..(i + 2)], DecodeOptions.Default, constraint);
            Assert.Equal(pair.Select(d => d.TokenIds), together[i..(i + 2)].Select(d => d.TokenIds));
            Assert.Equal(pair.Select(d => d.LogProbability), together[i..(i + 2)].Select(d => d.LogProbability), (a, b) => Math.Abs(a - b) < 1e-3);
        }
        Assert.All(together, d => Assert.True(d.Finished));
    }

    [Fact]
    public void Decode_SampledWithASeedPeriod_SamplesEachGroupAsAlone_AndEnoughEndsAGroupEarly()
    {
        // Far from the data, where the model is unsure and samples differ.
        var random = new Random(9);
        var z = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, toy.Model.Model.LatentSize)
            .Select(_ => (float)(3 * (random.NextDouble() * 2 - 1))).ToArray()).ToArray();
        var options = new DecodeOptions { Strategy = DecodeStrategy.Sample, Temperature = 2, Seed = 3, SeedPeriod = 8 };
        float[][] Group(int i) => Enumerable.Repeat(z[i], 8).ToArray();
        var together = toy.Model.Model.Decode([.. Group(0), .. Group(1), .. Group(2)], options, null);
        for (int i = 0; i < 3; i++)
            Assert.Equal(toy.Model.Model.Decode(Group(i), options, null).Select(s => s.TokenIds), together[(8 * i)..(8 * i + 8)].Select(s => s.TokenIds));
        Assert.True(together.Select(s => string.Join(",", s.TokenIds)).Distinct().Count() > 3, "sampling at temperature 2 gave too few distinct decodes");

        // Group 1 stops at its first finished row; the other groups finish every row, as before.
        var accepted = new List<int>();
        var early = toy.Model.Model.Decode([.. Group(0), .. Group(1), .. Group(2)], options, null, (row, found) =>
        {
            if (row / 8 != 1) return false;
            accepted.Add(row);
            return true;
        });
        Assert.Single(accepted);
        Assert.Equal(together[accepted[0]].TokenIds, early[accepted[0]].TokenIds);
        Assert.All(early[..8].Concat(early[16..]), s => Assert.True(s.Finished));
        Assert.Equal(together[..8].Select(s => s.TokenIds), early[..8].Select(s => s.TokenIds));
        // The accepted row was the group's first to finish: the others stopped unfinished, part way along their own samples.
        for (int row = 8; row < 16; row++)
        {
            if (row == accepted[0]) continue;
            Assert.False(early[row].Finished);
            Assert.Equal(together[row].TokenIds.Take(early[row].TokenIds.Length), early[row].TokenIds);
        }
    }

    [Fact]
    public void Decode_SingleSequenceHostPath_MatchesBatchedTensorPath()
    {
        var z = toy.Model.Encode(toy.HeldOut.Take(30).ToArray()).Select(c => c.Mean).ToArray();
        var batched = toy.Model.Model.Decode(z, DecodeOptions.Default, null);
        for (int i = 0; i < z.Length; i++)
        {
            var single = toy.Model.Model.Decode([z[i]], DecodeOptions.Default, null)[0];
            Assert.Equal(batched[i].TokenIds, single.TokenIds);
            // Within a tolerance, not to rounded decimals: -0.13050017 and -0.13049987 round apart.
            Assert.Equal(batched[i].LogProbability, single.LogProbability, tolerance: 1e-4);
        }
    }

    [Fact]
    public void Inference_ThousandCalls_KeepsLiveTensorCountFlat()
    {
        using var model = DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu");
        void Call(int i)
        {
            var item = toy.HeldOut[i % toy.HeldOut.Count];
            var code = model.Encode([item]);
            model.Decode([code[0].Mean]);
            model.Model.PredictProperties([code[0].Mean]);
        }
        for (int i = 0; i < 10; i++) Call(i);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 1000; i++) Call(i);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public async Task Worker_EightThreads_AllRequestsSucceed()
    {
        await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"));
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < 10; i++)
            {
                var item = toy.HeldOut[(t * 10 + i) % toy.HeldOut.Count];
                var codes = await worker.EncodeAsync([item]);
                var points = await worker.RunAsync(m => m.Decode([codes[0].Mean]));
                Assert.Single(points);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await Assert.ThrowsAsync<ItemInputException>(() => worker.EncodeAsync(["XYZ"]));
    }

    [Fact]
    public async Task Worker_Replicas_TakeBatchesSideBySide_AndGiveEachRequestItsOwnAnswer()
    {
        Assert.Throws<ArgumentException>(() => new ModelWorker(Array.Empty<DomainModel>()));
        await using var worker = new ModelWorker([DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu")]);
        Assert.Equal(2, worker.Replicas);
        using var gate = new ManualResetEventSlim();
        var held = worker.RunAsync(m => { gate.Wait(TimeSpan.FromSeconds(30)); return m; });
        while (worker.Queued > 0) await Task.Delay(5);
        // One replica is held: the other still answers, with the other copy of the model.
        var other = await worker.RunAsync(m => m).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(held.IsCompleted);
        gate.Set();
        Assert.NotSame(await held, other);

        var pairs = Enumerable.Range(0, 12).Select(i => (From: toy.HeldOut[2 * i], To: toy.HeldOut[2 * i + 1])).ToArray();
        var together = await Task.WhenAll(pairs.Select(p => Task.Run(() => worker.InterpolateAsync(new PathRequest(p.From, p.To, 5)))));
        for (int i = 0; i < pairs.Length; i++)
            Assert.Equal(toy.Model.Interpolate(pairs[i].From, pairs[i].To, 5).Select(x => x.Text), together[i].Select(x => x.Text));
        var codes = await Task.WhenAll(pairs.Select(p => Task.Run(() => worker.EncodeAsync([p.From, p.To]))));
        Assert.All(codes.Zip(pairs), c => Assert.Equal(toy.Model.Encode([c.Second.From])[0].Mean, c.First[0].Mean, (a, b) => Math.Abs(a - b) < 1e-4));
    }

    [Fact]
    public async Task Worker_RunsItsTensorOperationsOnTheThreadsItWasGiven()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), threads: 0));
        foreach (var threads in new[] { 1, 2 })
        {
            await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), threads: threads);
            Assert.Equal(threads, worker.Threads);
            Assert.Equal(threads, await worker.RunAsync(_ => TorchSharp.torch.get_num_threads()));
        }
    }

    [Fact]
    public async Task Worker_FullQueue_RefusesAtOnce_AndACancelledRequestFreesItsPlace()
    {
        await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"), maxQueued: 2);
        using var gate = new ManualResetEventSlim();
        var running = worker.RunAsync(_ => gate.Wait(TimeSpan.FromSeconds(30)));   // holds the worker thread
        while (worker.Queued > 0) await Task.Delay(5);                              // it has started: the queue is empty
        using var leaving = new CancellationTokenSource();
        var first = worker.EncodeAsync(["ABC"], leaving.Token);
        var second = worker.RunAsync(m => m.Decode([new float[m.Model.LatentSize]]));
        Assert.Equal(2, worker.Queued);
        var busy = Assert.Throws<WorkerBusyException>(() => { _ = worker.EncodeAsync(["ABD"]); }); // refused at once, not queued
        Assert.Equal("The toy model is busy: 2 requests are already waiting. Try again in a moment.", busy.Message);
        // The first client goes away: its request completes as cancelled at once and leaves the queue.
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(1, worker.Queued);
        var third = worker.EncodeAsync(["ABD"]);
        gate.Set();
        Assert.True(await running);
        Assert.Single(await second);
        Assert.Single(await third);
        Assert.Equal(0, worker.Queued);
    }

    [Fact]
    public void RunMany_GivesEachPathAsRunDoes_AndABadRequestFailsAlone()
    {
        var pairs = toy.HeldOut.Take(10).Zip(toy.HeldOut.Skip(10).Take(10)).ToArray();
        var requests = pairs.Select((p, i) => new PathRequest(p.First, p.Second, 4 + i % 3)).Append(new PathRequest("ABZ", "ABC", 5)).ToArray();
        var outcomes = new PathInterpolation(toy.Model).RunMany(requests);
        for (int i = 0; i < pairs.Length; i++)
        {
            var alone = toy.Model.Interpolate(pairs[i].First, pairs[i].Second, 4 + i % 3);
            var together = outcomes[i].ResultOrThrow();
            Assert.Equal(alone.Select(p => (p.T, p.Text, p.StandsIn?.Given)), together.Select(p => (p.T, p.Text, p.StandsIn?.Given)));
        }
        Assert.Equal(2, Assert.IsType<ItemInputException>(outcomes[^1].Error).Position);
    }

    [Fact]
    public void NavigationRunMany_GivesEachResultAsRunDoes_AndABadRequestFailsAlone()
    {
        var starts = toy.HeldOut.Take(6).ToArray();
        var requests = starts.Select((s, i) => new NavigationRequest(s, ObjectiveParser.Parse(i % 2 == 0 ? "a_share:max" : "a_share:min"), SamplesPerStep: 1 + i % 3, Seed: i))
            .Append(new NavigationRequest("ABZ", ObjectiveParser.Parse("a_share:max")))
            .Append(new NavigationRequest("ABC", ObjectiveParser.Parse("nope:max")))
            .ToArray();
        var outcomes = new Navigation(toy.Model).RunMany(requests);
        for (int i = 0; i < starts.Length; i++)
        {
            var alone = toy.Model.Navigate(requests[i]);
            var together = outcomes[i].ResultOrThrow();
            Assert.Equal(alone.Start.Text, together.Start.Text);
            Assert.Equal(alone.Trajectory.Select(p => p.Text), together.Trajectory.Select(p => p.Text));
            Assert.Equal(alone.Candidates.Select(c => (c.Point.Text, c.Score)), together.Candidates.Select(c => (c.Point.Text, c.Score)));
        }
        Assert.Equal(2, Assert.IsType<ItemInputException>(outcomes[^2].Error).Position);
        Assert.Contains("Unknown property", Assert.IsType<ItemInputException>(outcomes[^1].Error).Message);
    }

    [Fact]
    public async Task Worker_ConcurrentNavigations_EachGetsItsOwnResult()
    {
        await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"));
        var requests = toy.HeldOut.Take(8).Select(s => new NavigationRequest(s, ObjectiveParser.Parse("a_share:max"), SamplesPerStep: 2)).ToArray();
        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => worker.NavigateAsync(r))));
        for (int i = 0; i < requests.Length; i++)
            Assert.Equal(toy.Model.Navigate(requests[i]).Candidates.Select(c => c.Point.Text), results[i].Candidates.Select(c => c.Point.Text));
        await Assert.ThrowsAsync<ItemInputException>(() => worker.NavigateAsync(new NavigationRequest("ABZ", ObjectiveParser.Parse("a_share:max"))));
    }

    [Fact]
    public async Task Worker_ConcurrentInterpolations_EachGetsItsOwnPath()
    {
        await using var worker = new ModelWorker(DomainModel.Load(toy.Domain, toy.ModelFolder, "cpu"));
        var pairs = toy.HeldOut.Take(12).Zip(toy.HeldOut.Skip(12).Take(12)).ToArray();
        var paths = await Task.WhenAll(pairs.Select(p => Task.Run(() => worker.InterpolateAsync(new PathRequest(p.First, p.Second, 5)))));
        for (int i = 0; i < pairs.Length; i++)
            Assert.Equal(toy.Model.Interpolate(pairs[i].First, pairs[i].Second, 5).Select(p => p.Text), paths[i].Select(p => p.Text));
        await Assert.ThrowsAsync<ItemInputException>(() => worker.InterpolateAsync(new PathRequest("ABZ", "ABC", 5)));
    }

    [Fact]
    public void Encode_BadItem_ReportsPosition()
    {
        var error = Assert.Throws<ItemInputException>(() => toy.Model.Encode(["ABZ"]));
        Assert.Equal(2, error.Position);
        Assert.Throws<ItemInputException>(() => toy.Model.Interpolate("ABC", "ABD", 1));
    }

    [Fact]
    public void OodScore_FarPoint_IsUnusualAndTrainingPointsAreMostlyUsual()
    {
        var far = Enumerable.Repeat(25f, toy.Model.Model.LatentSize).ToArray();
        Assert.True(toy.Model.Model.OodScores([far])[0] > 1);
        var codes = toy.Model.Encode(toy.Train.Take(300).ToArray()).Select(c => c.Mean).ToArray();
        var unusual = toy.Model.Model.OodScores(codes).Count(s => s > 1);
        Assert.True(unusual <= 15, $"{unusual}/300 training items flagged unusual");
    }

    [Fact]
    public void MoveAlong_AttributeVector_RaisesAShare()
    {
        var starts = toy.HeldOut.Where(s => ToyDomain.AShare(s) < 0.3).Take(20).ToArray();
        var raised = starts.Count(s => toy.Model.MoveAlong(s, "a_share", 2.0, 4)[^1].Properties.GetValueOrDefault("a_share") > ToyDomain.AShare(s));
        Assert.True(raised >= 0.8 * starts.Length, $"{raised}/{starts.Length}");
    }
}
