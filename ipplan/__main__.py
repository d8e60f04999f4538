from ipplan.cli import main

main()
