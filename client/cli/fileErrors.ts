// A failed file operation in words ("the folder does not exist"), not as the system's code (ENOENT): the CLI's one
// line names the file, then this. Unknown codes keep the system's own message.

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder (a folder on the path does not exist)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'something of that name already exists',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted there',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is busy',
  ENOTEMPTY: 'the folder is not empty',
  EINVAL: 'the file system does not allow this there',
}

/** Why a file operation failed, in words: "permission denied", "no such file or folder …". */
export function fileErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code]
  return (error as Error)?.message ?? String(error)
}
