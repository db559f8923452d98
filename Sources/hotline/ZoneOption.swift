import ArgumentParser
import HotlineCore
import HotlineInput

/// A zone option's value (`--tz`, `--switch-tz`) read from the system's time
/// zone database.
enum ZoneOption {
    /// The offsets of the zone `name`; an unknown zone is a usage error that
    /// suggests the nearest name this machine has (`Asia/Tokio` → `Asia/Tokyo`).
    static func offsets(named name: String, option: String) throws -> ZoneOffsets {
        do {
            return try ZoneOffsets(timeZoneIdentifier: name)
        } catch {
            let hint = ClosestName.to(name, among: ZoneOffsets.availableZoneNames()).map { "; did you mean \($0)?" }
                ?? " (use an IANA name such as Europe/Paris)"
            throw ValidationError("\(option): \(error)\(hint)")
        }
    }
}
