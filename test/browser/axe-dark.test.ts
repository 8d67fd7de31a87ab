import {describeAxe} from './axe-scheme.js'

describeAxe('dark')
