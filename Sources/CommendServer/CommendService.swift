import Commend
import Foundation
import Hummingbird
import Logging

/// `commend serve`: the engine over HTTP (RULES.md §10), on Hummingbird.
///
/// ```swift
/// let service = try CommendService(configuration: ServerConfiguration(rules: rulesURL))
/// try await service.run { host, port in print("listening on http://\(host):\(port)") }
/// ```
public struct CommendService: Sendable {
    public let configuration: ServerConfiguration
    private let engine: ServedEngine

    /// Loads the rules and the served data; throws when either fails to load.
    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        engine = try ServedEngine(configuration: configuration)
    }

    /// Serves until SIGINT or SIGTERM; `onListening` gets the address once bound
    /// (with port 0, the port the system chose).
    public func run(logger: Logger = Logger(label: "commend.serve"),
                    onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) async throws {
        let router = Router(context: BasicRequestContext.self)
        let engine = self.engine
        router.add(middleware: APIMiddleware { engine.rules.state.rules.digest })
        Routes(engine: engine,
               queue: EvaluationQueue(slots: configuration.concurrent, maxWaiting: configuration.maxQueue),
               authorization: Authorization(token: configuration.token.map { Array($0.utf8) }),
               files: try StaticFiles(), maxBody: configuration.maxBody)
            .register(on: router)
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "commend"),
            onServerRunning: { channel in await onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.runService()
    }
}
