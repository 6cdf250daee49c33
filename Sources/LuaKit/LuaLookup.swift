import CLua
import LuaGlue

/// The rows of a `LuaRecordRows` by the string in their first field, indexed
/// once in C for `LuaLookup`. Immutable once built: any number of threads
/// and states may read it.
public final class LuaRowIndex: @unchecked Sendable {
    // @unchecked Sendable: built in init, only read afterwards.
    let index: OpaquePointer
    /// The rows whose bytes the index reads: kept alive with it.
    public let rows: LuaRecordRows

    /// Indexes `rows` by their first field (rows whose first field is not a
    /// string are left out; of rows with the same string, the first wins).
    public init(_ rows: LuaRecordRows) {
        self.rows = rows
        index = rows.withStorage { bytes, offsets in
            guard let index = cg_row_index_new(bytes, offsets, rows.count) else {
                fatalError("out of memory indexing \(rows.count) rows")
            }
            return index
        }
    }

    deinit { cg_row_index_free(index) }

    /// The row whose first field is `id`, or nil.
    public func row(of id: String) -> Int? {
        var id = id
        let row = id.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cg_row_index_find(index, $0.baseAddress, $0.count) }
        }
        return row < 0 ? nil : row
    }
}

/// The values of one column by row, for `LuaLookup`, in memory of their
/// own: published once, then read by every state of a run.
public final class LuaLookupColumn: @unchecked Sendable {
    // @unchecked Sendable: written in init, only read afterwards.
    let type: Int32
    let index: LuaRowIndex
    private let values: UnsafeMutableRawPointer
    private let labels: [UnsafeMutablePointer<CChar>]
    private let labelPointers: UnsafeMutablePointer<UnsafePointer<CChar>?>
    private let labelLengths: UnsafeMutablePointer<Int>

    private init<T>(_ type: Int32, index: LuaRowIndex, _ values: [T], labels: [String] = []) {
        self.type = type
        self.index = index
        let bytes = max(1, values.count * MemoryLayout<T>.stride)
        let storage = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
        values.withUnsafeBytes { if let base = $0.baseAddress { storage.copyMemory(from: base, byteCount: $0.count) } }
        self.values = storage
        self.labels = labels.map { label in
            let utf8 = Array(label.utf8)
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, utf8.count))
            utf8.withUnsafeBytes { if let base = $0.baseAddress { UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: utf8.count) } }
            return copy
        }
        labelPointers = .allocate(capacity: max(1, labels.count))
        labelLengths = .allocate(capacity: max(1, labels.count))
        for (i, label) in self.labels.enumerated() {
            labelPointers[i] = UnsafePointer(label)
            labelLengths[i] = labels[i].utf8.count
        }
    }

    deinit {
        values.deallocate()
        for label in labels { label.deallocate() }
        labelPointers.deallocate()
        labelLengths.deallocate()
    }

    /// Booleans by row; nil reads as the lookup's default.
    public static func flags(_ values: [Bool?], index: LuaRowIndex) -> LuaLookupColumn {
        LuaLookupColumn(Int32(CG_COLUMN_FLAGS), index: index, values.map { $0.map { $0 ? UInt8(1) : 0 } ?? 2 })
    }

    /// Numbers by row (never NaN); nil reads as the lookup's default.
    public static func numbers(_ values: [Double?], index: LuaRowIndex) -> LuaLookupColumn {
        LuaLookupColumn(Int32(CG_COLUMN_NUMBERS), index: index, values.map { $0 ?? .nan })
    }

    /// Integers by row; nil reads as the lookup's default.
    public static func integers(_ values: [Int?], index: LuaRowIndex) -> LuaLookupColumn {
        LuaLookupColumn(Int32(CG_COLUMN_INTEGERS), index: index, values.map { Int64($0 ?? Int(Int64.min)) })
    }

    /// Strings by row, stored once each; nil reads as the lookup's default.
    public static func labels(_ values: [String?], index: LuaRowIndex) -> LuaLookupColumn {
        var distinct: [String] = []
        var numbers: [String: Int32] = [:]
        let rows = values.map { value -> Int32 in
            guard let value else { return -1 }
            if let n = numbers[value] { return n }
            distinct.append(value)
            numbers[value] = Int32(distinct.count - 1)
            return Int32(distinct.count - 1)
        }
        return LuaLookupColumn(Int32(CG_COLUMN_LABELS), index: index, rows, labels: distinct)
    }

    func describe(into column: inout cg_column) {
        column.type = type
        column.values = UnsafeRawPointer(values)
        column.index = index.index
        column.labels = UnsafePointer(labelPointers)
        column.label_lengths = UnsafePointer(labelLengths)
    }
}

/// The row that the lookups of one state try first (the subject being
/// evaluated): a comparison with a row in the cache instead of a search of
/// the index.
public final class LuaLookupHint {
    let hint: UnsafeMutablePointer<cg_lookup_hint>

    /// No row.
    public init() {
        hint = .allocate(capacity: 1)
        hint.initialize(to: cg_lookup_hint(index: nil, row: -1))
    }

    deinit { hint.deallocate() }

    /// Points at `row` of `index` (nil: no row).
    public func point(at index: LuaRowIndex?, row: Int) {
        hint.pointee.index = index.map { $0.index }
        hint.pointee.row = index == nil ? -1 : row
    }
}

/// A Lua function `f(name, id)` answered in C: the value at the row of `id`
/// in the column published under `name`, read without entering Swift.
/// Names not given at init, columns not published yet, and calls with other
/// arguments than two strings go to `fallback`, whose first result is
/// returned. Belongs to one state; publish only while no Lua code of that
/// state runs.
public final class LuaLookup {
    /// The function, to put where rules can call it.
    public let function: LuaFunction
    private let lookup: UnsafeMutablePointer<cg_lookup>
    private let columns: UnsafeMutablePointer<cg_column>
    /// The lookup's own read marks (`takeReads`), used unless others are given.
    private let ownMarks: LuaLookupMarks
    /// The marks C writes now (kept alive while it does).
    private var marks: LuaLookupMarks
    private var published: [LuaLookupColumn?]
    /// Kept alive as long as C reads it.
    private let hint: LuaLookupHint?

    /// A lookup over the columns named `names` (the first of equal names
    /// wins), none published; a missing value reads `false` when
    /// `missingIsFalse`, else nil.
    public init(state: LuaState, names: [String], missingIsFalse: Bool, hint: LuaLookupHint? = nil, fallback: LuaFunction) {
        self.hint = hint
        let count = names.count
        columns = .allocate(capacity: max(1, count))
        columns.initialize(repeating: cg_column(), count: max(1, count))
        ownMarks = LuaLookupMarks(count: count)
        marks = ownMarks
        lookup = .allocate(capacity: 1)
        lookup.initialize(to: cg_lookup(count: Int32(count), default_false: missingIsFalse ? 1 : 0,
                                        columns: columns, read: ownMarks.bytes, hint: hint.map { UnsafePointer($0.hint) }))
        published = Array(repeating: nil, count: count)
        let L = state.L
        lua_createtable(L, 0, Int32(count))
        for (i, name) in names.enumerated().reversed() {
            state.pushString(name)
            lua_pushinteger(L, lua_Integer(i + 1))
            lua_rawset(L, -3)
        }
        state.push(.function(fallback))
        cg_push_lookup(L, lookup, -2, -1)
        function = LuaFunction(reference: LuaReference(poppingFrom: state))
        lua_settop(L, -3)
    }

    deinit {
        lookup.deallocate()
        columns.deallocate()
    }

    /// Publishes the values of column `i` (0-based, in the order of the
    /// names): from now on C answers it. Nil: every row reads the default.
    public func publish(_ column: LuaLookupColumn?, at i: Int) {
        published[i] = column
        if let column {
            column.describe(into: &columns[i])
        } else {
            columns[i] = cg_column()
            columns[i].type = Int32(CG_COLUMN_ABSENT)
        }
    }

    /// Whether column `i` is published.
    public func isPublished(_ i: Int) -> Bool { columns[i].type != Int32(CG_COLUMN_PENDING) }

    /// Marks each column C reads in `marks` instead of in the lookup's own
    /// marks (`takeReads`); nil: in its own again. The lookup keeps `marks`
    /// alive while it uses them.
    public func markReads(in marks: LuaLookupMarks?) {
        self.marks = marks ?? ownMarks
        lookup.pointee.read = self.marks.bytes
    }

    /// The columns read by C in the lookup's own marks since the last call, 0-based.
    public func takeReads() -> [Int] {
        defer { ownMarks.clear() }
        return ownMarks.marked
    }
}

/// One mark per column name, set by C when a `LuaLookup` reads the column
/// (see `LuaLookup.markReads(in:)`): what a host records of who read what.
public final class LuaLookupMarks {
    let bytes: UnsafeMutablePointer<UInt8>
    /// Marks, one per column.
    public let count: Int

    /// `count` marks, none set.
    public init(count: Int) {
        self.count = count
        bytes = .allocate(capacity: max(1, count))
        bytes.initialize(repeating: 0, count: max(1, count))
    }

    deinit { bytes.deallocate() }

    /// Whether column `i` was read.
    public subscript(i: Int) -> Bool { bytes[i] != 0 }

    /// Marks column `i` as read (for reads answered by the host).
    public func mark(_ i: Int) { bytes[i] = 1 }

    /// The columns read, in order.
    public var marked: [Int] { (0..<count).filter { bytes[$0] != 0 } }

    /// Clears every mark.
    public func clear() { bytes.update(repeating: 0, count: max(1, count)) }
}
