using Analytics.TestSupport.Postgres;

namespace Analytics.Sources.Postgres.Tests;

/// <summary>The shared throw-away PostgreSQL 15 server (Analytics.TestSupport) as this project's collection fixture.</summary>
public sealed class PostgresServerFixture : PostgresServer, IAsyncLifetime;

[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServerFixture>;
