/// The files of the directory the dataset goes to.
enum OutputDirectory {
    /// `name` inside `directory`.
    static func path(of name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
