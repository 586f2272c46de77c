package private

// onWindows: a new file's access there comes from its directory, which may
// already be private.
const onWindows = true
