/** The author tools are listed in `coursemark --help`, and each explains itself. */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cli } from '../helpers/course.ts'

test('coursemark --help lists new, dev, check and quiz beside build and serve', () => {
  const r = cli(['--help'])
  assert.equal(r.code, 0)
  for (const line of [
    'new DIR',
    'dev [COURSE_DIR]',
    'check [COURSE_DIR]',
    'build [COURSE_DIR]',
    'serve [SITE_DIR]',
    'quiz decode FILE…',
    'quiz encode FILE…',
  ]) {
    assert.match(r.stdout, new RegExp(`^ {2}${line.replace(/[[\]]/g, '\\$&')} `, 'm'), line)
  }
})

test('each author tool answers --help with its usage and exits 0', () => {
  for (const [command, usage] of [
    ['new', 'coursemark new DIR'],
    ['dev', 'coursemark dev [COURSE_DIR]'],
    ['check', 'coursemark check [COURSE_DIR]'],
    ['quiz', 'coursemark quiz decode FILE…'],
  ]) {
    const r = cli([command!, '--help'])
    assert.equal(r.code, 0, command)
    assert.ok(r.stdout.startsWith(`Usage: ${usage}`), r.stdout)
  }
  assert.match(cli(['chekc']).stderr, /Did you mean "check"\?/)
})
