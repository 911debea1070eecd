// Command ferretdb-launcher runs an embedded FerretDB v1 (MongoDB wire protocol)
// on top of PostgreSQL, for local development and tests only.
//
// Usage:
//
//	ferretdb-launcher [run] [-listen 127.0.0.1:27018] [-postgresql-url postgres://...] [-log-level info]
//	ferretdb-launcher ping  [-addr 127.0.0.1:27018] [-timeout 3s]
//
// Flags default to the environment variables FERRETDB_LISTEN_ADDR and
// FERRETDB_POSTGRESQL_URL (then to YRD_MONGO_PORT / YRD_PG_PORT).
// "run" exits cleanly on SIGINT/SIGTERM. "ping" uses the MongoDB Go driver to upsert one
// document into _yrd_health.ping (a real PostgreSQL round trip) and run {ping: 1};
// it exits 0 only if both succeed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func defaultListen() string {
	return envOr("FERRETDB_LISTEN_ADDR", "127.0.0.1:"+envOr("YRD_MONGO_PORT", "27018"))
}

func defaultPGURL() string {
	return envOr("FERRETDB_POSTGRESQL_URL",
		"postgres://postgres@127.0.0.1:"+envOr("YRD_PG_PORT", "15432")+"/ferretdb")
}

func main() {
	args := os.Args[1:]
	cmd := "run"
	if len(args) > 0 && (args[0] == "run" || args[0] == "ping") {
		cmd, args = args[0], args[1:]
	}

	var err error
	switch cmd {
	case "ping":
		err = ping(args)
	default:
		err = run(args)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-launcher %s: %v\n", cmd, err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	listen := fs.String("listen", defaultListen(), "TCP listen address (host:port)")
	pgURL := fs.String("postgresql-url", defaultPGURL(), "PostgreSQL connection URL")
	logLevel := fs.String("log-level", envOr("FERRETDB_LOG_LEVEL", "info"), "debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("bad -log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       "postgresql",
		PostgreSQLURL: *pgURL,
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Info("starting FerretDB", "listen", *listen, "handler", "postgresql", "pid", os.Getpid())
	if err := f.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	logger.Info("FerretDB stopped")
	return nil
}

// healthDB is where "ping" upserts one tiny document.
const healthDB = "_yrd_health"

func ping(args []string) error {
	fs := flag.NewFlagSet("ping", flag.ExitOnError)
	addr := fs.String("addr", defaultListen(), "FerretDB address (host:port)")
	timeout := fs.Duration("timeout", 3*time.Second, "overall timeout")
	if err := fs.Parse(args); err != nil {
		return err
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	opts := options.Client().
		ApplyURI("mongodb://" + *addr + "/").
		SetDirect(true).
		SetServerSelectionTimeout(*timeout).
		SetConnectTimeout(*timeout)
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return err
	}
	defer client.Disconnect(context.Background()) //nolint:errcheck // best effort

	// A write that must reach PostgreSQL: FerretDB answers ping and listDatabases from its
	// in-memory catalog when no database exists yet, so they alone do not prove the backend is up.
	coll := client.Database(healthDB).Collection("ping")
	if _, err := coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: "ping"}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "at", Value: time.Now().UTC()}}}},
		options.Update().SetUpsert(true)); err != nil {
		return fmt.Errorf("upsert %s.ping: %w", healthDB, err)
	}
	var res bson.M
	if err := client.Database(healthDB).RunCommand(ctx, bson.D{{Key: "ping", Value: 1}}).Decode(&res); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	fmt.Println("ok")
	return nil
}
