// Shared by the post-build hooks (scripts/post-build): the directory Trunk is building
// into, which each hook rewrites in place before Trunk moves it to dist/.
/** Trunk's staging directory; exits with a message naming `hook` when not run by Trunk. */
export function stagingDir(hook) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`${hook}: TRUNK_STAGING_DIR is not set (run me from Trunk)`);
    process.exit(1);
  }
  return dir;
}
