using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Domains;

/// <summary>Model sizes and training settings a domain recommends, and where its default checkpoint lives.</summary>
/// <param name="Model">Network sizes.</param>
/// <param name="Training">Optimisation and schedule.</param>
/// <param name="DefaultModelFolder">Folder name under <c>sample-data/models/</c> holding the default checkpoint.</param>
public sealed record DomainDefaults(VaeConfig Model, TrainingSettings Training, string DefaultModelFolder);
