namespace LatentWorkbench.Web.Apis.Responses;

/// <summary>Body of <c>GET /api/account</c>: the caller's name and role, whether sign-in is on, and the roles whose rights they hold.</summary>
public sealed record AccountResponse(string Name, string Role, bool SignInEnabled, string[] Allows);
