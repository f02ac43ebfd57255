// the build must have failed for the module boundary, not for anything else
def log = new File(basedir, 'build.log').text
assert log.contains('package eu.riscale.modelhub.core.tensor.internal is not visible') : 'expected the compiler to refuse the internal package'
assert log.contains('does not export it')
