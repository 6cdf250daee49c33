@testable import Commend
import Foundation

/// The schema of the tests: the plan of RULES.md §2.1.
let testSchema = FieldSchema(
    members: [
        "rating": .enumeration(["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"]),
        "initiatives": .int,
        "disciplined": .bool,
        "gender": .enumeration(["nam", "nu"]),
    ],
    units: ["fee_rate": .number, "founded": .date])

let testPhases = ["dot1", "dot2"]

/// A data directory in a fresh temporary folder.
struct TempData {
    let url: URL

    /// Writes `files` (path relative to the directory: text or bytes).
    init(_ files: [String: Any]) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("commend-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, content) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            switch content {
            case let text as String: try Data(text.utf8).write(to: file)
            case let bytes as [UInt8]: try Data(bytes).write(to: file)
            case let data as Data: try data.write(to: file)
            default: fatalError("unsupported content for \(path)")
            }
        }
    }

    func load(schema: FieldSchema = testSchema, phases: [String] = testPhases) throws -> Dataset {
        defer { try? FileManager.default.removeItem(at: url) }
        return try DatasetLoader.load(directory: url, schema: schema, phases: phases)
    }

    /// The lines of the error the load throws, or `["no error"]`.
    func errors(schema: FieldSchema = testSchema, phases: [String] = testPhases) -> [String] {
        do {
            _ = try load(schema: schema, phases: phases)
            return ["no error"]
        } catch let error as DataError {
            return error.description.components(separatedBy: "\n")
        } catch {
            return ["unexpected error: \(error)"]
        }
    }
}

/// The error lines of a build, or `["no error"]`.
func errors(_ builder: DatasetBuilder) -> [String] {
    do {
        _ = try builder.build()
        return ["no error"]
    } catch let error as DataError {
        return error.description.components(separatedBy: "\n")
    } catch {
        return ["unexpected error: \(error)"]
    }
}

/// Valid base files, to which a test adds what it checks.
let unitsCSV = """
    id,name,kind,parent,cluster
    P,LĐLĐ tỉnh Bắc Kạn,ldld,,
    U1,CĐCS Trường A,cdcs,P,C1
    U2,CĐCS Trường B,cdcs,P,C1

    """
let membersCSV = """
    id,name,unit,rating,initiatives,disciplined,gender
    M1,An,U1,tot,2,không,nam
    M2,Bình,U1,xuat_sac,0,0,nu
    M3,Chi,U2,hoan_thanh,,,nu

    """

extension SubjectRows {
    /// A cell by id and column, for short expectations.
    subscript(id: String, column: String) -> Value? {
        row(of: id).flatMap { value(row: $0, column: column) }
    }
}
