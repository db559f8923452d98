import Foundation
import HotlineCore

extension ZoneOffsets {
    /// The zone names the time zone database of this machine offers (`$TZDIR`
    /// or `/usr/share/zoneinfo`), for suggesting the one a mistyped `--tz`
    /// meant. Only on an error path: it walks the whole directory.
    ///
    /// The `posix/` and `right/` copies and the database's own files
    /// (`zone.tab`, `leapseconds`, `posixrules`, …) are left out: a zone's
    /// every part starts with a capital letter.
    public static func availableZoneNames() -> [String] {
        let directory = ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/share/zoneinfo"
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return ["UTC"] }
        var names = ["UTC"]
        while let path = walker.nextObject() as? String {
            let parts = path.split(separator: "/")
            guard parts.allSatisfy({ $0.first?.isUppercase == true }), isZoneName(path) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                names.append(path)
            }
        }
        return names.sorted()
    }
}
