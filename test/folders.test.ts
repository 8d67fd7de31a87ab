import os from 'node:os'
import {describe, expect, it} from 'vitest'
import {folderRefusal, systemFolders, type Places} from '../src/folders/places.js'

// Pure path decisions: nothing here touches the disk, so real system paths are safe to name.
const places: Places = {
  root: '/s/proj',
  contentDir: '/s/proj/content',
  themeDir: '/s/proj/themes/mine',
  configFile: '/s/proj/bounceback.config.json',
  outDir: '/s/proj/dist',
  cacheDir: '/s/proj/node_modules/.cache/bounceback',
  cwd: '/s/work',
  home: '/s/home/me',
  packageDir: '/s/pkg',
  defaultThemeDir: '/s/pkg/themes/default'
}

describe('folders the output may never be', () => {
  it.each([
    ['/', 'the root of the file system'],
    ['/etc', 'a system folder'],
    ['/usr', 'a system folder'],
    ['/usr/local', 'a system folder'],
    ['/var', 'a system folder'],
    ['/home', 'a system folder'],
    ['/Users', 'a system folder'],
    [os.tmpdir(), 'a system folder'],
    ['/s/home/me', 'your home folder'],
    ['/s/home', 'a folder that holds your home folder'],
    ['/s/work', 'the current folder'],
    ['/s', 'a folder that holds your home folder'],
    ['/s/proj', 'the project folder'],
    ['/s/proj/bounceback.config.json', 'the config file'],
    ['/s/proj/content', 'the content folder'],
    ['/s/proj/content/2025', 'inside the content folder'],
    ['/s/proj/themes/mine', 'the theme folder'],
    ['/s/proj/themes', 'a folder that holds the theme folder'],
    ['/s/proj/themes/mine/assets', 'inside the theme folder'],
    ['/s/proj/node_modules/.cache/bounceback', 'the cache folder'],
    ['/s/proj/node_modules', 'a folder that holds the cache folder'],
    ['/s/proj/node_modules/.cache/bounceback/site', 'inside the cache folder'],
    ['/s/elsewhere/node_modules', 'a `node_modules` folder'],
    ['/s/elsewhere/node_modules/site', 'inside a `node_modules` folder'],
    ['/s/proj/.git', 'a `.git` folder'],
    ['/s/proj/.git/site', 'inside a `.git` folder'],
    ['/s/pkg', "bounceback's own folder"],
    ['/s/pkg/lib', "inside bounceback's own folder"],
    ['/s/pkg/themes/default', "bounceback's default theme"],
    ['/etc/nginx', 'inside a system folder (/etc)'],
    ['/usr/local/bin', 'a system folder'],
    ['/usr/lib/node_modules/x', 'inside a system folder (/usr/lib)'],
    ['/var/lib/postgresql', 'inside a system folder (/var/lib)'],
    ['/proc/self', 'inside a system folder (/proc)'],
    ['/dev/shm', 'inside a system folder (/dev)'],
    ['/boot/efi', 'inside a system folder (/boot)']
  ])('refuses %s: %s', (target, reason) => {
    expect(folderRefusal('output', target, places)).toBe(reason)
  })

  it.each(['/s/proj/dist', '/s/proj/public', '/s/site', '/s/work/site', '/s/home/me/sites/blog', '/var/www/html', '/srv/site', '/usr/share/nginx/html'])(
    'allows %s',
    (target) => {
      expect(folderRefusal('output', target, places)).toBeUndefined()
    }
  )

  it("allows an output inside bounceback's own folder only for a project that lies there too (its sample site)", () => {
    const own = {...places, root: '/s/pkg', contentDir: '/s/pkg/content', themeDir: '/s/pkg/themes/default', configFile: undefined}
    expect(folderRefusal('output', '/s/pkg/dist', own)).toBeUndefined()
    expect(folderRefusal('output', '/s/pkg', own)).toBe('the project folder')
  })

  it('knows the system folders of Windows too', () => {
    expect(systemFolders('win32').within).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[A-Z]:\\Windows$/), expect.stringMatching(/^[A-Z]:\\Program Files$/)])
    )
  })
})

describe('folders the cache may never be', () => {
  it.each([
    ['/', 'the root of the file system'],
    ['/s/proj', 'the project folder'],
    ['/s/proj/content', 'the content folder'],
    ['/s/proj/dist', 'the output folder'],
    ['/s/proj/dist/cache', 'inside the output folder'],
    ['/s/home/me', 'your home folder'],
    ['/s/proj/.git/cache', 'inside a `.git` folder'],
    ['/etc', 'a system folder']
  ])('refuses %s: %s', (target, reason) => {
    expect(folderRefusal('cache', target, places)).toBe(reason)
  })

  it.each(['/s/proj/node_modules/.cache/bounceback', '/s/proj/.cache', '/s/cache', '/s/work/cache'])('allows %s', (target) => {
    expect(folderRefusal('cache', target, places)).toBeUndefined()
  })
})
