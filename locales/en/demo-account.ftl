# The demo account: the bundled training dataset and its database (core::demo).
demo-error-io = The demo database { $path } could not be read or written ({ $detail }). Check that the folder exists and has free space.
demo-error-not-a-demo = { $path } is not a demo database, so it was left alone: resetting it would destroy an account's data.
demo-error-not-a-file = The demo database { $path } is not a file, so it has nothing to reset to; only a demo opened from a folder can be reset.
demo-error-no-pristine-copy = The starting copy of the demo database ({ $path }) is missing: rebuild the demo to make a new one.
demo-error-missing-stage = The bundled training data lacks program stage { $stage }. Please report this to your supervisor.
demo-error-import = The bundled training data cannot be imported: { $reason }
