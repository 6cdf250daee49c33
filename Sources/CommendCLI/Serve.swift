import ArgumentParser
import Commend
import CommendServer
import Dispatch
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the engine over HTTP: a JSON API and a ranking page.",
        discussion: """
            Loads the rules once (and the data directory, when given, once) and answers
            the routes of RULES.md section 10 until Ctrl-C: GET /v1/health, POST
            /v1/evaluate, POST /v1/explain, POST /v1/check, the recorded runs, the OpenAPI
            document at /openapi.json and the ranking page at /. The rules directory is
            looked at before every request: a change that loads is served at once, one
            that fails keeps the last good rules and shows in /v1/health.

              commend serve --rules rules --data examples/bac-kan-2021
              curl -s localhost:8080/v1/evaluate -d '{"phase": "dot1", "subjects": ["CD00001"]}'

            Recorded runs are read from and written to --db (as commend runs does); its
            history of earlier years joins every evaluation, as for commend evaluate.
            Evaluations of the served data directory use the result cache (see evaluate
            --help; --no-cache turns it off): a request after a rule edit evaluates only
            what the edit changed. A request's own "data" is evaluated without it.
            Writes (POST /v1/runs, finalize) need --token-file; without it they are refused.
            Prints "listening on http://HOST:PORT" once ready (--port 0 picks a free port).
            """)

    @Option(help: "The rules directory (plan.lua, award and scoring files, lib/, tests/).")
    var rules = "rules"

    @Option(help: "The data directory served when a request has no \"data\" (CSV files or one data.json).")
    var data: String?

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free port, printed when ready).")
    var port = 8080

    @Option(name: .customLong("token-file"), help: "A file whose first line is the bearer token that writes need.")
    var tokenFile: String?

    @Option(name: .customLong("max-body"), help: "Largest request body, in bytes (413 beyond).")
    var maxBody = 64 << 20

    @Option(name: .customLong("max-queue"), help: "Evaluations allowed to wait while all slots run (503 beyond).")
    var maxQueue = 16

    @Option(help: "Evaluations run at once (default: the number of cores).")
    var concurrent = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var limits: LimitOptions
    @OptionGroup var caching: CacheOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        guard maxQueue >= 0 else { throw ValidationError("--max-queue must not be negative") }
        guard concurrent > 0 else { throw ValidationError("--concurrent must be at least 1") }
    }

    func run() throws {
        var evaluation = limits.evaluation
        evaluation.cache = caching.resultCache(rules: rules)
        var configuration = ServerConfiguration(
            rules: URL(fileURLWithPath: rules), rulesDisplayName: rules,
            data: data.map { URL(fileURLWithPath: $0) }, evaluation: evaluation)
        configuration.database = store.path
        configuration.host = host
        configuration.port = port
        configuration.token = try tokenFile.map(ServerConfiguration.readToken(file:))
        configuration.maxBody = maxBody
        configuration.maxQueue = maxQueue
        configuration.concurrent = concurrent
        let service = try CommendService(configuration: configuration)
        let outcome = Locked<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await service.run { host, port in
                    FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
                }
                _ = outcome.exchange(.success(()))
            } catch {
                _ = outcome.exchange(.failure(error))
            }
            done.signal()
        }
        done.wait()
        try outcome.exchange(nil)?.get()
    }
}
