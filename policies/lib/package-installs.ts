import { cleanPath, isFlag, optionValue, type Word } from './command-words.js';

/** Package managers and the subcommands that install, upgrade or remove packages. */
const INSTALLERS: Record<string, readonly string[]> = {
  'apt-get': ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'reinstall', 'remove', 'purge', 'autoremove', 'build-dep'],
  apt: ['install', 'upgrade', 'full-upgrade', 'reinstall', 'remove', 'purge', 'autoremove'],
  aptitude: ['install', 'upgrade', 'safe-upgrade', 'full-upgrade', 'reinstall', 'remove', 'purge'],
  apk: ['add', 'upgrade', 'del', 'fix'],
  yum: ['install', 'update', 'upgrade', 'reinstall', 'remove', 'erase', 'groupinstall', 'localinstall'],
  dnf: ['install', 'in', 'update', 'upgrade', 'up', 'reinstall', 'remove', 'rm', 'erase', 'groupinstall', 'localinstall', 'distro-sync'],
  microdnf: ['install', 'update', 'upgrade', 'reinstall', 'remove'],
  tdnf: ['install', 'update', 'upgrade', 'reinstall', 'remove', 'erase'],
  zypper: ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'remove', 'rm'],
  npm: ['install', 'i', 'in', 'isntall', 'add', 'ci', 'update', 'up', 'upgrade'],
  pnpm: ['install', 'i', 'add', 'update', 'up'],
  yarn: ['add', 'install'],
  gem: ['install', 'update'],
  go: ['install', 'get'],
  cargo: ['install'],
  conda: ['install', 'update'],
  mamba: ['install', 'update'],
  micromamba: ['install', 'update'],
  composer: ['install', 'require', 'update'],
  bundle: ['install', 'update'],
  brew: ['install', 'upgrade'],
  snap: ['install'],
  pipx: ['install'],
  luarocks: ['install'],
  pecl: ['install'],
  pear: ['install'],
};

/** Where a language installer puts packages when told explicitly (option, or cwd for local installs). */
function installTarget(program: string, args: readonly Word[], assignments: Map<string, string>, cwd: string | undefined): string | undefined {
  if (/^pip/.test(program) || program === 'pip') return optionValue(args, ['--target', '-t', '--prefix', '--root']);
  if (program === 'npm' || program === 'pnpm' || program === 'yarn') {
    const prefix = optionValue(args, ['--prefix', '--modules-folder', '--dir']);
    if (prefix) return prefix;
    const global = args.some((a) => a.text === '-g' || a.text === '--global' || a.text === 'global');
    return global ? undefined : cwd;
  }
  if (program === 'gem') return optionValue(args, ['--install-dir', '-i']);
  if (program === 'go') return assignments.get('GOBIN') ?? assignments.get('GOPATH');
  if (program === 'apk') return optionValue(args, ['--root', '-p']);
  if (program === 'dnf' || program === 'yum' || program === 'microdnf') return optionValue(args, ['--installroot']);
  if (program === 'bundle' || program === 'composer') return optionValue(args, ['--path', '--working-dir', '-d']) ?? cwd;
  return undefined;
}

/** True when the command installs (or removes) packages in the container's own filesystem. */
export function isPackageInstall(
  program: string,
  args: readonly Word[],
  assignments: Map<string, string>,
  inVolume: (path: string) => boolean,
  cwd: string | undefined,
): boolean {
  const sub = args.find((a) => !isFlag(a.text))?.text;
  let installs = false;
  let prog = program;
  if (/^pip[0-9.]*$/.test(program)) installs = sub === 'install' || sub === 'uninstall';
  else if (/^python[0-9.]*$/.test(program)) {
    const m = args.findIndex((a) => a.text === '-m');
    installs = m !== -1 && /^pip[0-9.]*$/.test(args[m + 1]?.text ?? '') && args[m + 2]?.text === 'install';
    prog = 'pip';
  } else if (program === 'uv') installs = (sub === 'pip' || sub === 'tool') && args.some((a) => a.text === 'install');
  else if (program === 'rpm') installs = /^(-[iUFe]|--(install|upgrade|freshen|erase))/.test(args[0]?.text ?? '');
  else if (program === 'dpkg') installs = args.some((a) => /^(-[irP]|--(install|remove|purge|unpack))$/.test(a.text));
  else if (program === 'pacman') installs = /^-[SUR]/.test(args[0]?.text ?? '');
  else if (program === 'nix-env') installs = args.some((a) => a.text === '-i' || a.text === '--install');
  else if (program === 'cpan' || program === 'cpanm') installs = args.some((a) => !isFlag(a.text));
  else if (INSTALLERS[program]) installs = sub !== undefined && INSTALLERS[program]!.includes(sub);
  if (!installs) return false;
  const target = installTarget(prog, args, assignments, cwd);
  if (target && target.startsWith('/') && inVolume(cleanPath(target))) return false;
  return true;
}
