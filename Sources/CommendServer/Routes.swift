import Commend
import Foundation
import Hummingbird
import NIOCore

/// The routes of RULES.md §10.
struct Routes: Sendable {
    let engine: ServedEngine
    let queue: EvaluationQueue
    let authorization: Authorization
    let files: StaticFiles
    let maxBody: Int

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/health") { _, _ in health() }
        router.get("/v1/plan") { _, _ in plan() }
        router.post("/v1/evaluate") { request, _ in
            let body = try await decode(EvaluateRequest.self, from: request)
            let bytes = try await queue.run { [engine] in try engine.evaluate(body) }
            return JSONResponse.bytes(bytes)
        }
        router.post("/v1/explain") { request, _ in
            let body = try await decode(ExplainRequest.self, from: request)
            let explanation = try await queue.run { [engine] in try engine.explain(body) }
            return JSONResponse.encode(explanation)
        }
        router.post("/v1/check") { request, _ in
            _ = try await collect(request)
            return JSONResponse.encode(try await queue.run { [engine] in engine.check() })
        }
        registerRuns(on: router)
        router.get("/openapi.json") { _, _ in JSONResponse.bytes(files.openAPI) }
        for (path, file) in files.page {
            router.get(RouterPath(path)) { _, _ in JSONResponse.bytes(file.bytes, contentType: file.type) }
        }
    }

    /// Recorded runs (RULES.md §8); writes need the bearer token.
    private func registerRuns(on router: Router<BasicRequestContext>) {
        router.get("/v1/runs") { request, _ in
            let plan = request.uri.queryParameters["plan"].map(String.init)
            let phase = request.uri.queryParameters["phase"].map(String.init)
            return JSONResponse.encode(try await queue.run { [engine] in try engine.listRuns(plan: plan, phase: phase) })
        }
        router.get("/v1/runs/{id}") { _, context in
            let id = try runID(context)
            return JSONResponse.bytes(try await queue.run { [engine] in try engine.runJSON(id) })
        }
        router.post("/v1/runs") { request, _ in
            try authorization.require(request)
            let body = try await decode(EvaluateRequest.self, from: request)
            let run = try await queue.run { [engine] in try engine.record(body) }
            return JSONResponse.encode(run, status: .created)
        }
        router.post("/v1/runs/{id}/finalize") { request, context in
            try authorization.require(request)
            let id = try runID(context)
            let body = try await decodeIfPresent(FinalizeRequest.self, from: request)
            return JSONResponse.encode(try await queue.run { [engine] in
                try engine.finalize(id, replace: body?.replace ?? false)
            })
        }
    }

    private func runID(_ context: BasicRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw APIError(.notFound, "a run id is a positive integer")
        }
        return id
    }

    /// The body as JSON of `type`, or nil for an empty body.
    private func decodeIfPresent<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T? {
        let buffer = try await collect(request)
        return buffer.readableBytes == 0 ? nil : try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// The body as JSON of `type`: 413 beyond `--max-body`, 400 when it does not decode.
    private func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer = try await collect(request)
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, "this route needs a JSON body")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// The body: 413 beyond `--max-body`.
    private func collect(_ request: Request) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody {
            throw APIError(.tooLarge, "the request body has \(length) bytes; this server takes at most \(maxBody) (--max-body)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(.tooLarge, "the request body is larger than \(maxBody) bytes (--max-body)")
        }
        return buffer
    }

    private func health() -> Response {
        struct Health: Encodable {
            struct Queue: Encodable { var running: Int; var waiting: Int; var slots: Int; var maxQueue: Int }
            struct RulesError: Encodable { var message: String; var problems: [CheckReport.Problem] }
            var status: String
            var rulesDigest: String
            var version: String
            var plan: String
            var rulesReloads: Int
            var rulesError: RulesError?
            var queue: Queue
        }
        let rules = engine.rules.current()
        let failure = engine.rules.state.failure
        let load = queue.load
        let rulesError = failure.map { failure in
            let report = CheckReport(rules: engine.configuration.rulesDisplayName, problems: failure.problems)
            return Health.RulesError(
                message: "the rules changed and do not load; still serving the last good rules (\(rules.digest))",
                problems: report.problems)
        }
        return JSONResponse.encode(Health(
            status: failure == nil ? "ok" : "degraded", rulesDigest: rules.digest, version: CommendVersion.current,
            plan: rules.plan.id, rulesReloads: engine.rules.reloads, rulesError: rulesError,
            queue: .init(running: load.running, waiting: load.waiting, slots: queue.slots, maxQueue: queue.maxWaiting)))
    }

    /// The plan's phases, awards and scorings (for the ranking page and other clients).
    private func plan() -> Response {
        struct Declared: Encodable { var id: String; var name: String; var kind: String; var subject: String; var phases: [String] }
        struct PlanInfo: Encodable {
            struct PhaseInfo: Encodable { var id: String; var name: String; var from: String; var to: String }
            var id: String
            var name: String
            var year: Int
            var rulesDigest: String
            var hasData: Bool
            var phases: [PhaseInfo]
            var declarations: [Declared]
        }
        let rules = engine.rules.current()
        let phases = rules.plan.phases.map(\.id)
        let declared = rules.awards.map { Declared(id: $0.id, name: $0.name, kind: "award", subject: $0.subject.rawValue, phases: $0.phases ?? phases) }
            + rules.scorings.map { Declared(id: $0.id, name: $0.name, kind: "scoring", subject: $0.subject.rawValue, phases: $0.phases ?? phases) }
        return JSONResponse.encode(PlanInfo(
            id: rules.plan.id, name: rules.plan.name, year: rules.plan.year, rulesDigest: rules.digest,
            hasData: engine.configuration.data != nil,
            phases: rules.plan.phases.map { .init(id: $0.id, name: $0.name, from: $0.from, to: $0.to) },
            declarations: declared))
    }
}
