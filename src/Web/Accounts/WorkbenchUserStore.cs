using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// ASP.NET Core Identity's user store over the workbench database (<see cref="AccountStore"/>): names, password hashes
/// and security stamps. Roles are a column of the user, turned into a claim by <see cref="WorkbenchClaimsFactory"/>.
/// </summary>
public sealed class WorkbenchUserStore(AccountStore accounts) : IUserPasswordStore<WorkbenchUser>, IUserSecurityStampStore<WorkbenchUser>
{
    /// <inheritdoc/>
    public Task<IdentityResult> CreateAsync(WorkbenchUser user, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.Create(user) ? IdentityResult.Success : NameTaken(user));

    /// <inheritdoc/>
    public Task<IdentityResult> UpdateAsync(WorkbenchUser user, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.Update(user) ? IdentityResult.Success : NameTaken(user));

    /// <summary>Users are not deleted (their items and sessions stay theirs); an admin changes their role instead.</summary>
    public Task<IdentityResult> DeleteAsync(WorkbenchUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "NotSupported", Description = "Users are not removed; change their role instead." }));

    /// <inheritdoc/>
    public Task<WorkbenchUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(accounts.FindById(userId));

    /// <inheritdoc/>
    public Task<WorkbenchUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.FindByName(normalizedUserName));

    /// <inheritdoc/>
    public Task<string> GetUserIdAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    /// <inheritdoc/>
    public Task<string?> GetUserNameAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    /// <inheritdoc/>
    public Task SetUserNameAsync(WorkbenchUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> GetNormalizedUserNameAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    /// <inheritdoc/>
    public Task SetNormalizedUserNameAsync(WorkbenchUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task SetPasswordHashAsync(WorkbenchUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> GetPasswordHashAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    /// <inheritdoc/>
    public Task<bool> HasPasswordAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    /// <inheritdoc/>
    public Task SetSecurityStampAsync(WorkbenchUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> GetSecurityStampAsync(WorkbenchUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    /// <inheritdoc/>
    public void Dispose() { }

    private static IdentityResult NameTaken(WorkbenchUser user) =>
        IdentityResult.Failed(new IdentityError { Code = "DuplicateUserName", Description = $"The name '{user.UserName}' is taken." });
}
