/**
 * The repository of a git URL, as the Go engine finds it (chainguard-dev/git-urls, then the first two path
 * segments): `https://host/org/repo.git`, `ssh://git@host/org/repo`, `git@host:org/repo.git`, a local path.
 * @module
 */
import { E, type Either } from "../lib/fp.ts";

/** The path of a git URL: after `scheme://host` for URL schemes, after `host:` for scp-like addresses. */
export function gitUrlPath(url: string): string {
  const scheme = /^(?:ssh|git|git\+ssh|http|https|ftp|ftps|rsync|file):\/\/([^/?#]*)([^?#]*)/.exec(url);
  if (scheme !== null) return scheme[2] ?? "";
  const scp = /^(?:[\w.-]+@)?[\w.-]+:(?!\/\/)(.*)$/.exec(url);
  if (scp !== null) return scp[1] ?? "";
  return url;
}

/**
 * The path segments of a repository URL (a trailing `.git` dropped, empty segments skipped).
 * @param url the repository URL
 * @returns the segments
 * @example
 * ```ts
 * import { repoSegments } from "./git-url.ts";
 * import { expect } from "expect";
 * expect(repoSegments("git@github.com:argoproj/argo-cd.git")).toEqual(["argoproj", "argo-cd"]);
 * expect(repoSegments("https://gitlab.com/group/sub/project")).toEqual(["group", "sub", "project"]);
 * ```
 */
export function repoSegments(url: string): readonly string[] {
  return gitUrlPath(url).replace(/\.git$/, "").split("/").filter((s) => s !== "");
}

/**
 * Owner and repository of a repository URL: its first two path segments, as the Go engine's GitHub service takes them.
 * @param url the repository URL
 * @returns `[owner, repo]`, or the Go engine's message
 */
export function ownerAndRepo(url: string): Either<string, readonly [string, string]> {
  const s = repoSegments(url);
  return s.length >= 2 ? E.right([s[0]!, s[1]!]) : E.left(`GitHub.repoURL (${url}) does not have a \`/\``);
}
