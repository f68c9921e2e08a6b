using Shouldly;
using Vigil.Testing;
using Vigil.Tracking.Sql.Sqlite;
using Xunit;

namespace Vigil.Tracking.Sql.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("PRAGMA journal_mode;", "wal")]
    [InlineData("PRAGMA synchronous;", "1")]
    [InlineData("PRAGMA foreign_keys;", "1")]
    [InlineData("PRAGMA busy_timeout;", "5000")]
    public void OpenConnection_Always_AppliesConnectionSettings(string pragma, string expected)
    {
        using var database = SqliteDatabase.Open(_directory.File("vigil.db"), new FakeTimeProvider());
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = pragma;

        Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void Open_MissingParentDirectory_CreatesIt()
    {
        var path = Path.Combine(_directory.Path, "nested", "deeper", "vigil.db");

        using var database = SqliteDatabase.Open(path, new FakeTimeProvider());

        File.Exists(path).ShouldBeTrue();
        database.Path.ShouldBe(path);
    }

    [Fact]
    public void OpenConnection_AfterDispose_ThrowsObjectDisposed()
    {
        var database = SqliteDatabase.Open(_directory.File("vigil.db"), new FakeTimeProvider());
        database.Dispose();

        Should.Throw<ObjectDisposedException>(database.OpenConnection);
    }

    [Fact]
    public void SqliteTime_ToTextAndBack_RoundTripsToTheMillisecond()
    {
        var instant = new DateTimeOffset(2026, 2, 28, 23, 59, 59, 987, TimeSpan.FromHours(2)).AddTicks(6543);

        var text = SqliteTime.ToText(instant);

        text.ShouldBe("2026-02-28T21:59:59.987Z");
        SqliteTime.FromText(text).ShouldBe(SqliteTime.Truncate(instant));
        SqliteTime.FromText(text).Offset.ShouldBe(TimeSpan.Zero);
    }

    public void Dispose() => _directory.Dispose();
}
