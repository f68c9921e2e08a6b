using Vigil.Testing.Postgres;
using Xunit;

// One throwaway PostgreSQL server for the whole assembly, started by the first test that asks for it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
